namespace Luoshi.Benchmarking;

/// <summary>One problem in an input file: the 1-based row as a spreadsheet shows it (header = row 1), the column, and what is wrong.</summary>
public sealed record ImportError(int Row, string Column, string Message)
{
    public override string ToString() => $"第{Row}行，“{Column}”列：{Message}";
}

/// <summary>An import either yields a value and no errors, or errors and no value: nothing partial.</summary>
public sealed record ImportResult<T>(T? Value, IReadOnlyList<ImportError> Errors) where T : class
{
    public bool Succeeded => Value is not null && Errors.Count == 0;

    internal static ImportResult<T> Fail(IReadOnlyList<ImportError> errors) => new(null, errors);
}
