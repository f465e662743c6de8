using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Admin;

/// <summary>The office's settings, one card each (admin-only, as every page under /Admin).</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class IndexModel : PageModel;
