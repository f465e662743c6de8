using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Luoshi.Data;

/// <summary>
/// A person sees their own write on the next page, even when the replica has not replayed it yet. A
/// request of a signed-in person that writes through <see cref="LuoshiDb"/> (seen by <see cref="Interceptor"/>)
/// asks the primary, as its response starts (after the commit), for its WAL insert position, and keeps it
/// for the person here (this process) and in a cookie (the other instances behind nginx). A read of that
/// person uses the replica only once the replica has replayed that far (<see cref="ReadRouting"/>).
/// Kept for the lag bound and a minute more: past that, a replica that has still not replayed the write
/// lags more than the bound and is not used for anyone.
/// </summary>
internal sealed class ReadYourWrites(string primaryConnection, TimeSpan keep)
{
    public const string CookieName = "luoshi.read-after";

    private static readonly object Wrote = new();
    private readonly ConcurrentDictionary<string, (long Position, long Until)> _byPerson = new();
    private int _kept;

    public IInterceptor Interceptor => new Writes(this);

    /// <summary>The WAL position the person's reads must see: this request's own write (everything then),
    /// the last one this process kept, the last one their cookie holds.</summary>
    public long Required(HttpContext? http)
    {
        if (http is null || Person(http.User) is not { } person)
        {
            return 0;
        }

        if (http.Items.ContainsKey(Wrote))
        {
            return long.MaxValue;
        }

        var required = _byPerson.TryGetValue(person, out var kept) && kept.Until > Stopwatch.GetTimestamp() ? kept.Position : 0;
        // The cookie names its person: after a switch of login in the same browser it is not the new person's.
        if (http.Request.Cookies[CookieName] is { } cookie && cookie.Split('.') is [var who, var at] && who == person
            && long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            required = Math.Max(required, position);
        }

        return required;
    }

    /// <summary>This request's write was made on another context (a batch of reports, <c>ReportQueue</c>),
    /// which the interceptor of the request's own context did not see.</summary>
    public void MarkWritten() => Written();

    private static string? Person(ClaimsPrincipal user) => user.FindFirstValue(ViewerClaims.Person);

    /// <summary>The first write of a request: remember it when the response starts, or when it ends if it
    /// had started (a download that writes its audit row late keeps this process's entry only).</summary>
    private void Written()
    {
        if (Accessor.HttpContext is not { } http || http.Items.ContainsKey(Wrote))
        {
            return;
        }

        http.Items[Wrote] = Wrote;
        if (http.Response.HasStarted)
        {
            http.Response.OnCompleted(() => KeepAsync(http, cookie: false));
        }
        else
        {
            http.Response.OnStarting(() => KeepAsync(http, cookie: true));
        }
    }

    private static readonly HttpContextAccessor Accessor = new();

    private async Task KeepAsync(HttpContext http, bool cookie)
    {
        if (Person(http.User) is not { } person)
        {
            return; // the sign-in itself: nobody is signed in on this request yet, and it changed nothing a page shows
        }

        long position;
        try
        {
            await using var connection = new NpgsqlConnection(primaryConnection);
            await connection.OpenAsync(http.RequestAborted);
            await using var command = new NpgsqlCommand("SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint", connection);
            position = (long)(await command.ExecuteScalarAsync(http.RequestAborted))!;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
        {
            // Without the position, reads of the person go to the primary for as long as one is kept.
            position = long.MaxValue;
        }

        var until = Stopwatch.GetTimestamp() + (long)(keep.TotalSeconds * Stopwatch.Frequency);
        _byPerson.AddOrUpdate(person, (position, until), (_, old) => (Math.Max(old.Position, position), until));
        if (Interlocked.Increment(ref _kept) % 256 == 0)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var (who, entry) in _byPerson)
            {
                if (entry.Until < now)
                {
                    _byPerson.TryRemove(new KeyValuePair<string, (long, long)>(who, entry));
                }
            }
        }

        if (cookie)
        {
            http.Response.Cookies.Append(CookieName, string.Create(CultureInfo.InvariantCulture, $"{person}.{position}"), new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = keep,
                IsEssential = true,
            });
        }
    }

    /// <summary>Sees the writes of <see cref="LuoshiDb"/> as <see cref="WriteGeneration"/> counts them.</summary>
    private sealed class Writes(ReadYourWrites owner) : AfterCommands
    {
        protected override void Ran(DbCommand command, int? rows)
        {
            if (WriteGeneration.Moves(command.CommandText, rows))
            {
                owner.Written();
            }
        }
    }
}
