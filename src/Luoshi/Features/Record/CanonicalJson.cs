using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Luoshi.Features.Record;

/// <summary>
/// The one way a recorded row is written down for hashing: keys in ordinal order, invariant numbers,
/// instants as UTC to the microsecond (what PostgreSQL keeps), so the same row always gives the same
/// bytes on either database and in any culture.
/// </summary>
internal static class CanonicalJson
{
    // Chinese stays readable in the stored content; the HTML-sensitive characters are still escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Object(params (string Key, object? Value)[] fields)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            Write(writer, fields);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>An instant as recorded: UTC, truncated to the microsecond, whatever its Kind says.</summary>
    public static DateTime Instant(DateTime value) =>
        DateTime.SpecifyKind(new DateTime(value.Ticks - (value.Ticks % 10)), DateTimeKind.Utc);

    private static void Write(Utf8JsonWriter writer, (string Key, object? Value)[] fields)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int or long:
                writer.WriteRawValue(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case decimal d:
                // PostgreSQL gives 12.5000 back for 12.5: the trailing zeros are not part of the value.
                writer.WriteStringValue(d.ToString("0.############################", CultureInfo.InvariantCulture));
                break;
            case DateTime t:
                writer.WriteStringValue(Instant(t).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
                break;
            case DateOnly d:
                writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                break;
            case ValueTuple<string, object?>[] nested:
                Write(writer, nested);
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"No canonical form for {value.GetType().Name}.", nameof(value));
        }
    }
}
