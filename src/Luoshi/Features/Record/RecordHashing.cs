namespace Luoshi.Features.Record;

/// <summary>
/// The hash of an entry, its content included, kept on the entry: SHA-256 until 国密 is switched on
/// (<c>Crypto:Guomi</c>), SM3 for entries written after. So a chain switches at the entry where the
/// setting changed, and entries of either kind verify with their own algorithm; existing databases
/// (every entry 0, SHA-256) verify as before. Both give 256 bits, 64 hex digits.
/// </summary>
internal enum RecordHashing
{
    Sha256 = 0,
    Sm3 = 1,
}
