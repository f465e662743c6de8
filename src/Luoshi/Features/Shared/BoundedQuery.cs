using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Luoshi.Features.Shared;

/// <summary>
/// The pages' side of <see cref="Bounds"/>: values a page binds from the address (filters, dates, pages
/// of a list) are checked before the handler runs, so <c>?date=9999-12-31</c> or a NUL in a search is a
/// 400 that says what is wrong in Chinese, not a 500. Posted forms get the same bounds as model errors
/// beside their fields (the shared editors check them again for every other path).
/// </summary>
internal sealed class BoundedQuery : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is { } page && HttpMethods.IsGet(context.HttpContext.Request.Method) && FirstProblem(page) is { } problem)
        {
            context.Result = new BadRequestObjectResult(problem);
            return;
        }

        if (context.HandlerInstance is { } form && !HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            // A posted form: the bounds beyond its DataAnnotations, beside the fields, as the page shows any error.
            foreach (var property in form.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null))
            {
                var value = property.GetValue(form);
                var problems = Bounds.IsInput(value) ? Bounds.CheckBeyondAnnotations(value, property.Name + ".") : new FieldErrors();
                if (!Bounds.IsInput(value) && Bounds.Value(value, property.Name) is { } message)
                {
                    problems.Add(property.Name, message);
                }

                foreach (var (field, messages) in problems.ToDictionary())
                {
                    Array.ForEach(messages, m => context.ModelState.AddModelError(field, m));
                }
            }
        }

        await next();
    }

    private static string? FirstProblem(object page)
    {
        foreach (var property in page.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            var fromQuery = property.GetCustomAttribute<FromQueryAttribute>();
            if (fromQuery is null && property.GetCustomAttribute<BindPropertyAttribute>() is not { SupportsGet: true })
            {
                continue;
            }

            var label = fromQuery?.Name ?? property.Name;
            var value = property.GetValue(page);
            var problem = value switch
            {
                int number when number < 0 => $"参数 {label} 不能为负数",
                int year when label.Contains("year", StringComparison.OrdinalIgnoreCase) && year is not 0 and (< Bounds.MinYear or > Bounds.MaxYear)
                    => $"参数 {label} 应在{Bounds.MinYear}年至{Bounds.MaxYear}年之间",
                _ => Bounds.Value(value, "参数 " + label, 200),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}
