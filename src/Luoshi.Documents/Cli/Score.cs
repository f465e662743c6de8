using System.Globalization;

namespace Luoshi.Documents;

/// <summary>The counts behind one row of the measure, added up for the total.</summary>
internal sealed class Score
{
    public int OutlineExpected { get; set; }
    public int OutlineMatched { get; set; }
    public int OutlineActual { get; set; }
    public int Ticked { get; set; }
    public int Expected { get; set; }
    public int Hits { get; set; }
    public FieldScore Lead { get; } = new();
    public FieldScore Due { get; } = new();
    public FieldScore Target { get; } = new();

    public double Precision => Ticked == 0 ? 1 : (double)Hits / Ticked;
    public double Recall => Expected == 0 ? 1 : (double)Hits / Expected;

    public void Add(Score other)
    {
        (OutlineExpected, OutlineMatched, OutlineActual) = (OutlineExpected + other.OutlineExpected, OutlineMatched + other.OutlineMatched, OutlineActual + other.OutlineActual);
        (Ticked, Expected, Hits) = (Ticked + other.Ticked, Expected + other.Expected, Hits + other.Hits);
        Lead.Add(other.Lead);
        Due.Add(other.Due);
        Target.Add(other.Target);
    }

    public string Row() =>
        $"{OutlineMatched}/{OutlineExpected}（读出 {OutlineActual}） | {Ticked} | {Expected} | {Hits} | {Ratio(Precision)} | {Ratio(Recall)} | {Lead} | {Due} | {Target} |";

    private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>
/// A field is counted where the annotation or the reader has a value: a value read where the text
/// gives none (a ratio of policy taken for a target) is as wrong as a missed one.
/// </summary>
internal sealed class FieldScore
{
    public int Counted { get; private set; }
    public int Right { get; private set; }

    public void Count(string? expected, string? actual)
    {
        expected = string.IsNullOrEmpty(expected) ? null : expected;
        actual = string.IsNullOrEmpty(actual) ? null : actual;
        if (expected is null && actual is null)
        {
            return;
        }

        Counted++;
        Right += expected == actual ? 1 : 0;
    }

    public void Add(FieldScore other) => (Counted, Right) = (Counted + other.Counted, Right + other.Right);

    public override string ToString() => Counted == 0 ? "—" : $"{Right}/{Counted} {((double)Right / Counted).ToString("0.00", CultureInfo.InvariantCulture)}";
}
