using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Luoshi.Tests.Shared;

/// <summary>
/// Every API operation with a JSON body, read from the OpenAPI document, gets the bad values a careless
/// user or an attacker sends; none may end in a 500, and every refusal is ProblemDetails in Chinese.
/// </summary>
public class EndpointSweepTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = TestApp.Today;

    private static readonly (string Name, JsonNode? Value)[] BadValues =
    [
        ("oversize", JsonValue.Create(new string('长', 5000))),
        ("negative", JsonValue.Create(-250)),
        ("huge", JsonValue.Create(1e30)),
        ("big", JsonValue.Create(100000)),
        ("far future", JsonValue.Create("9999-12-31")),
        ("far past", JsonValue.Create("0001-01-01")),
        ("NUL", JsonValue.Create("a\u0000b")),
        ("control", JsonValue.Create("a\u0007b")),
        ("wrong type", new JsonObject()),
        ("list", new JsonArray(JsonValue.Create(1))),
        ("null", null),
    ];

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task NoBadBodyOnAnyEndpointEndsInAServerError(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60), [b.SectionB], milestones: ("节点", Today.AddDays(20)));
        var milestoneId = await b.WithDbAsync(d => Task.FromResult(d.Milestones.First(m => m.TaskId == task.Id).Id));
        var api = await b.ApiAsync("admin");
        // The document is behind a login made with the form (a signed-in browser reads it).
        var document = JsonNode.Parse(await (await b.PagesAsync("admin")).Http.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"]?.AsObject();

        var operations = 0;
        var sent = 0;
        var failures = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var schema = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
                if (schema is null || path.StartsWith("/api/auth", StringComparison.Ordinal))
                {
                    continue;
                }

                operations++;
                var url = Url(path, task.Id, milestoneId);
                var valid = Sample(schema, schemas, b, 0);
                foreach (var body in Variants(valid))
                {
                    sent++;
                    if (await CheckAsync(api, method, url, body) is { } failure)
                    {
                        failures.Add(failure);
                    }
                }

                sent++;
                if (await CheckAsync(api, method, url, "{\"x\":\"" + new string('长', 300_000) + "\"}") is { } tooLarge)
                {
                    failures.Add(tooLarge);
                }
            }
        }

        output.WriteLine($"{operations} operations, {sent} requests, {failures.Count} failures");
        Assert.True(operations > 20, $"only {operations} operations with a JSON body");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(60)));
    }

    private static string Url(string path, int taskId, int milestoneId) =>
        System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", m => path.StartsWith("/api/milestones", StringComparison.Ordinal) ? $"{milestoneId}" : $"{taskId}");

    private static async Task<string?> CheckAsync(HttpClient api, string method, string url, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await api.SendAsync(request);
        var status = (int)response.StatusCode;
        var shown = body.Length > 200 ? body[..200] + "…" : body;
        if (status >= 500)
        {
            return $"{method} {url} → {status}: {shown}";
        }

        if (status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{method} {url} → {status} as {response.Content.Headers.ContentType?.MediaType}: {shown}";
        }

        var title = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString() ?? "";
        return title.Any(c => c > '\u2e80') ? null : $"{method} {url} → {status} titled \"{title}\": {shown}";
    }

    /// <summary>The valid body with one property at a time (top level and one below) set to each bad value, and two bodies that are wrong as a whole.</summary>
    private static IEnumerable<string> Variants(JsonNode? valid)
    {
        yield return "{}";
        yield return "[]";
        if (valid is not JsonObject top)
        {
            yield break;
        }

        foreach (var (path, _) in Leaves(top, ""))
        {
            foreach (var (_, bad) in BadValues)
            {
                var copy = top.DeepClone().AsObject();
                Set(copy, path, bad?.DeepClone());
                yield return copy.ToJsonString();
            }
        }
    }

    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonObject node, string prefix)
    {
        foreach (var (name, value) in node)
        {
            yield return (prefix + name, value);
            if (value is JsonObject inner && prefix.Length == 0)
            {
                foreach (var leaf in Leaves(inner, name + "."))
                {
                    yield return leaf;
                }
            }
            else if (value is JsonArray { Count: > 0 } list && list[0] is JsonObject first && prefix.Length == 0)
            {
                foreach (var leaf in Leaves(first, name + ".0."))
                {
                    yield return leaf;
                }
            }
        }
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode node = root;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        }

        node.AsObject()[parts[^1]] = value;
    }

    /// <summary>A plausible body from the schema: real ids of the test bureau where the name says which.</summary>
    private static JsonNode? Sample(JsonNode schema, JsonObject? schemas, Bureau b, int depth)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return depth > 3 ? null : Sample(schemas![reference.Split('/')[^1]]!, schemas, b, depth + 1);
        }

        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices)
        {
            var choice = choices.FirstOrDefault(c => c?["type"]?.ToString() != "null");
            return choice is null ? null : Sample(choice, schemas, b, depth);
        }

        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue one => one.GetValue<string>(),
            _ => schema["properties"] is null ? null : "object",
        };
        var format = schema["format"]?.GetValue<string>();
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p =>
                KeyValuePair.Create(p.Key, Name(p.Key, b) ?? Sample(p.Value!, schemas, b, depth + 1)))),
            "array" => schema["items"] is { } items && Sample(items, schemas, b, depth + 1) is { } one ? new JsonArray(one) : new JsonArray(),
            "string" when format == "date" => JsonValue.Create(Today.AddDays(5).ToString("yyyy-MM-dd")),
            "string" when format == "date-time" => JsonValue.Create(TestApp.Now.AddDays(5)),
            "string" => schema["enum"] is JsonArray values ? values[0]!.DeepClone() : JsonValue.Create("测试内容"),
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(false),
            _ => null,
        };
    }

    private static JsonValue? Name(string property, Bureau b) => property switch
    {
        "planId" => JsonValue.Create(b.PlanId),
        "sectionId" or "leadSectionId" or "organiserSectionId" => JsonValue.Create(b.SectionA),
        "personId" or "responsiblePersonId" => JsonValue.Create(b.Person("staffA")),
        "leadLeaderId" or "leaderId" => JsonValue.Create(b.Person("leader")),
        _ => null,
    };
}
