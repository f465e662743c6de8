using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>
/// Appends each unit's chain end to the anchor file (<c>Record:AnchorFile</c>) after sealing, at most
/// every <c>Record:AnchorMinutes</c> and only for units whose end moved. Runs from the scheduler beside
/// the sealer; between anchoring times it costs one comparison, so the sealer's few seconds stay cheap.
/// </summary>
internal sealed class RecordAnchorer(IConfiguration config, IHostEnvironment environment, TimeProvider time, ILogger<RecordAnchorer> log) : IDisposable
{
    private readonly Dictionary<int, Anchor> _anchored = [];
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTime _next = DateTime.MinValue;
    private bool _loaded;

    public string File => RecordAnchors.FileOf(config, environment.ContentRootPath);

    private TimeSpan Every => TimeSpan.FromMinutes(config.GetValue<double?>("Record:AnchorMinutes") ?? 10);

    /// <summary>Appends the moved chain ends if it is time; returns how many lines were written.</summary>
    public async Task<int> AnchorAsync(LuoshiDb db, CancellationToken ct, bool force = false)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!force && now < _next)
        {
            return 0;
        }

        await _turn.WaitAsync(ct);
        try
        {
            if (!_loaded)
            {
                // The file's last line per unit, so a restart does not write the same end again.
                foreach (var anchor in RecordAnchors.Read(File))
                {
                    _anchored[anchor.UnitId] = anchor;
                }

                _loaded = true;
            }

            var heads = await db.RecordHeads.AsNoTracking().Where(h => h.Seq > 0).ToListAsync(ct);
            var moved = heads.Select(h => new Anchor(h.UnitId, h.Seq, h.Hash)).Where(a => _anchored.GetValueOrDefault(a.UnitId) != a).ToList();
            if (moved.Count > 0)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(File)!);
                await System.IO.File.AppendAllLinesAsync(File, moved.Select(a => a.Line(now)), ct);
                moved.ForEach(a => _anchored[a.UnitId] = a);
                log.LogInformation("Anchored the record of {Units} unit(s) in {File}", moved.Count, File);
            }

            _next = now + Every;
            return moved.Count;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
