using System.Globalization;

namespace Luoshi.Benchmarking;

/// <summary>How cells are read: "NA" and blanks are missing (as R writes them), numbers are invariant-culture.</summary>
internal static class Cells
{
    public static bool IsMissing(string cell) =>
        cell.Trim() is "" or "NA" or "NaN" or "#N/A" or "N/A";

    /// <summary>Parses a number; missing cells give NaN; returns false for text that is not a number.</summary>
    public static bool TryNumber(string cell, out double value)
    {
        if (IsMissing(cell))
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public static string At(string[] row, int column) => column >= 0 && column < row.Length ? row[column].Trim() : "";
}
