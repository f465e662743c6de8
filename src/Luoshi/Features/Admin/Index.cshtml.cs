using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Admin;

/// <summary>The office's settings, one card each (the folder is admin-only by convention).</summary>
internal sealed class IndexModel : PageModel;
