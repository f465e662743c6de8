using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Commands;

/// <summary><c>Luoshi verify</c>: checks the tamper-evident record without the server, against the
/// database the app is configured with. Reads only: it neither migrates nor repairs.</summary>
internal static class VerifyCommand
{
    /// <summary>Enough to see what happened; a wholesale change would otherwise print a line per row.</summary>
    private const int MaxPrinted = 100;

    private const string Usage = """
        用法: Luoshi verify [--unit 单位编号] [--anchor 锚点] [--anchor-file 文件] [--no-files] [--ConnectionStrings:Luoshi=...]
            逐条校验留痕记录链：每条的内容哈希、与前一条的链接、序号是否连续，
            以及进展报告、延期和办结申请在数据库中的当前内容是否与最后一次记录一致。
            完整时退出码为 0；有不符时逐条指出（单位、序号、类型、对象、哪里不符；最多列出前 100 处及总数），退出码为 1；
            数据库中有记录而留痕中没有其条目的，也逐条指出；
            锚点（留痕记录页所示，如 3-120-ab12cd34ef567890）与锚点文件（默认为设置 Record:AnchorFile 的文件，
            存在时自动核对）：所记的每条须仍在链上且哈希相同，链尾不得落后于它。
            每个佐证文件也按上传时的 SHA-256 核对；文件很多时可用 --no-files 跳过。
            开启国密（Crypto:Guomi）后：SM3 条目按 SM3 核对，每次封存的链尾和印发的督查通报核对 SM2 签名，
            并列出各单位签名公钥的指纹，须与留痕记录页上抄录的相同。
            用法有误或数据库尚未升级时退出码为 2。
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Contains("--help"))
        {
            output.WriteLine(Usage);
            return 0;
        }

        var options = CommandOptions.Parse(args, "no-files");
        int? unit = null;
        if (options is null || (options.TryGetValue("unit", out var unitText) && (unit = ParseUnit(unitText)) is null))
        {
            error.WriteLine("--unit 后须跟单位编号。");
            error.WriteLine(Usage);
            return 2;
        }

        var given = options.GetValueOrDefault("anchor") is { } token ? Anchor.Parse(token) : null;
        if (options.ContainsKey("anchor") && given is null)
        {
            error.WriteLine("--anchor 须为留痕记录页所示的锚点，如 3-120-ab12cd34ef567890。");
            return 2;
        }

        var app = App.Build(CommandOptions.Settings(args));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            // Verifying is read-only, so it does not bring the schema up to date itself.
            error.WriteLine("数据库结构不是当前版本（或数据库为空）：请先运行 Luoshi serve 或 Luoshi admin 升级后再校验。");
            return 2;
        }

        var anchorFile = options.GetValueOrDefault("anchor-file") ?? RecordAnchors.FileOf(app.Configuration, app.Environment.ContentRootPath);
        if (options.ContainsKey("anchor-file") && !File.Exists(anchorFile))
        {
            error.WriteLine($"找不到锚点文件：{anchorFile}");
            return 2;
        }

        List<Anchor> anchors = [.. RecordAnchors.Read(anchorFile), .. given is null ? [] : new[] { given }];
        var files = options.ContainsKey("no-files") ? null : Luoshi.Features.Record.RecordFileChecks.Together(scope.ServiceProvider.GetServices<Luoshi.Features.Record.RecordFileCheck>());
        var result = await Verifier.VerifyAsync(db, unit, CancellationToken.None, anchors, files, scope.ServiceProvider.GetServices<RecordSignatureCheck>());
        // A replaced key pair would sign a rewritten chain: the fingerprint is compared with the one written down.
        foreach (var key in await db.UnitSigningKeys.AsNoTracking().Where(k => unit == null || k.UnitId == unit).OrderBy(k => k.UnitId).ToListAsync())
        {
            output.WriteLine($"单位 {key.UnitId} 的 SM2 签名公钥指纹：{UnitSigningKey.Fingerprint(key.PublicKey)}");
        }

        if (!result.Intact)
        {
            error.WriteLine($"记录链被改动：{result.Broken.Count} 处不符");
            foreach (var broken in result.Broken.Take(MaxPrinted))
            {
                error.WriteLine($"  {broken}");
            }

            if (result.Broken.Count > MaxPrinted)
            {
                error.WriteLine($"  ……另有 {result.Broken.Count - MaxPrinted} 处未列出");
            }

            return 1;
        }

        if (anchors.Count > 0)
        {
            output.WriteLine($"已核对 {anchors.Count} 个锚点");
        }

        output.WriteLine(result.Pending == 0 ? $"记录链完整：{result.Entries} 条" : $"记录链完整：{result.Entries} 条；另有 {result.Pending} 条待封存，内容已核对");
        return 0;
    }

    private static int? ParseUnit(string text) => int.TryParse(text, CultureInfo.InvariantCulture, out var id) ? id : null;
}
