namespace Luoshi.Features.Shared;

/// <summary>
/// Runs <see cref="Bounds"/> on every argument an API endpoint binds from the request (body records,
/// query and route values) before the handler sees it, so a NUL, a far date or a 60 MB field is a 400
/// with Chinese messages rather than a row in the database or a 500.
/// </summary>
internal static class BoundedInput
{
    /// <summary>JSON bodies are small; uploads say their own, larger limit on their endpoint.</summary>
    public const long MaxJsonBody = 256 * 1024;

    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
        var parameters = factory.MethodInfo.GetParameters();
        var checkable = parameters.Select(p => services?.IsService(p.ParameterType) != true).ToArray();
        return async context =>
        {
            var problems = new FieldErrors();
            for (var i = 0; i < context.Arguments.Count && i < checkable.Length; i++)
            {
                var argument = context.Arguments[i];
                if (!checkable[i] || argument is null)
                {
                    continue;
                }

                if (Bounds.IsInput(argument))
                {
                    Bounds.Check(argument, problems);
                }
                else if (Bounds.Value(argument, parameters[i].Name ?? "参数") is { } message)
                {
                    problems.Add(parameters[i].Name ?? "", message);
                }
            }

            return problems.Any
                ? TypedResults.ValidationProblem(problems.ToDictionary(), "提交的内容有误", title: "提交的内容有误")
                : await next(context);
        };
    }
}
