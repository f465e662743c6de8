using System.Reflection;
using Luoshi.Data;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Data;

/// <summary>No endpoint answers with a table's row: a row carries what its reader must not see (the unit,
/// hashes, versions, secrets) and ties the API's shape to the schema. Answers are records.</summary>
public class ApiResponseTypeTests
{
    /// <summary>Endpoints still answering with a row, fixed elsewhere. The test fails once one of them
    /// is fixed, so the list only shrinks.</summary>
    [Fact]
    public void NoEndpointDeclaresAnEntityInItsAnswer()
    {
        var entities = EntityTypes();
        var wrong = new List<string>();
        var endpoints = Endpoints().ToList();
        Assert.True(endpoints.Count > 50, "the app's minimal API endpoints were not found");
        foreach (var (name, answers) in endpoints)
        {
            var leaked = answers.SelectMany(t => Reachable(t, [])).Where(entities.Contains).Select(t => t.Name).Distinct().ToList();
            if (leaked.Count > 0)
            {
                wrong.Add($"{name} answers with {string.Join(", ", leaked)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void NoEndpointAnswerCarriesTheUnitOrASecretHash()
    {
        // The caller's unit is known to the caller (GET /api/me is where it learns it); a unit id in any
        // other answer is noise at best and another unit's at worst. A secret's hash lets anyone who reads
        // it try guesses offline.
        var wrong = Endpoints().Where(e => e.Name != "GET /api/me")
            .SelectMany(e => e.Answers.SelectMany(t => Reachable(t, []))
                .Where(t => !IsFramework(t))
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                .Where(p => p.Name is "UnitId" || p.Name.EndsWith("SecretHash", StringComparison.Ordinal))
                .Select(p => $"{e.Name} answers with {p.DeclaringType!.Name}.{p.Name}"))
            .Distinct().ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void AnEntityInsideARecordIsFound()
    {
        // The walk above must look through results, tasks, lists and records' properties.
        var entities = EntityTypes();
        var nested = typeof(Task<Microsoft.AspNetCore.Http.HttpResults.Ok<List<Holder>>>);
        Assert.Contains(typeof(Features.Tasks.WorkTask), Reachable(nested, []).Where(entities.Contains));
    }

    internal sealed record Holder(int Count, IReadOnlyList<Features.Tasks.WorkTask> Tasks);

    /// <summary>Each minimal API endpoint with the types its handler's signature and metadata declare.</summary>
    private static IEnumerable<(string Name, List<Type> Answers)> Endpoints()
    {
        var source = TestApp.For("sqlite").Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>().Where(e => e.Metadata.GetMetadata<ActionDescriptor>() is null))
        {
            var answers = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.Type).OfType<Type>().ToList();
            if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
            {
                answers.Add(handler.ReturnType);
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            yield return ($"{string.Join(",", methods)} {endpoint.RoutePattern.RawText}", answers);
        }
    }

    private static HashSet<Type> EntityTypes()
    {
        using var db = new SqliteDb(new DbContextOptionsBuilder<SqliteDb>().UseSqlite("Data Source=:memory:").Options);
        return db.Model.GetEntityTypes().Select(e => e.ClrType).ToHashSet();
    }

    /// <summary>The type and every type its JSON could hold: generic arguments (results, tasks, lists),
    /// array elements, and the public properties of types outside the framework.</summary>
    private static IEnumerable<Type> Reachable(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            yield break;
        }

        yield return type;
        var inner = type.IsArray ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        if (!IsFramework(type) && !type.IsEnum)
        {
            inner = [.. inner, .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType)];
        }

        foreach (var t in inner.SelectMany(t => Reachable(t, seen)))
        {
            yield return t;
        }
    }

    private static bool IsFramework(Type type) =>
        type.Assembly.GetName().Name is { } assembly && (assembly.StartsWith("System", StringComparison.Ordinal) || assembly.StartsWith("Microsoft", StringComparison.Ordinal));
}
