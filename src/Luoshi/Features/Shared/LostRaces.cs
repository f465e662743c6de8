using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Shared;

internal static class LostRaces
{
    /// <summary>Another save got there first: a concurrency token changed or a unique index refused
    /// the row. The caller reads again and decides.</summary>
    public static bool LostRace(this DbUpdateException e) => e is DbUpdateConcurrencyException
        || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}
