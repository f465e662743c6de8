using Microsoft.Extensions.Options;

namespace Luoshi.Features.Reports;

/// <summary>Where evidence bytes live: a real boundary (a folder today, object storage when the
/// app runs on several machines).</summary>
internal interface IEvidenceStore
{
    Task SaveAsync(string key, Stream content, CancellationToken ct);

    Stream OpenRead(string key);

    void Delete(string key);
}

internal sealed class FolderEvidenceStore(IOptions<EvidenceOptions> options) : IEvidenceStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Folder);

    public async Task SaveAsync(string key, Stream content, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".part";
        await using (var file = File.Create(partial))
        {
            await content.CopyToAsync(file, ct);
        }

        // Rename last, so a crash never leaves a half-written file under the real key.
        File.Move(partial, path, overwrite: true);
    }

    public Stream OpenRead(string key) => File.OpenRead(PathOf(key));

    public void Delete(string key) => File.Delete(PathOf(key));

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        return path.StartsWith(_root, StringComparison.Ordinal) ? path : throw new ArgumentException("invalid storage key", nameof(key));
    }
}
