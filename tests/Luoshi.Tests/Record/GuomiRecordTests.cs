using Luoshi.Crypto;
using Luoshi.Data;
using Luoshi.Features.Record;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Record;

/// <summary>国密 (Crypto:Guomi): the record chain hashed with SM3, each sealed chain end signed with the
/// unit's SM2 key, and <c>verify</c> checking both; a chain begun with SHA-256 goes on with SM3.</summary>
public class GuomiRecordTests
{
    private static readonly DateOnly Today = TestApp.Today;

    /// <summary>What the scheduler does with 国密 on: seal and sign.</summary>
    private static Task<int> SealAsync(Bureau b) =>
        b.WithDbAsync(d => RecordSealer.SealAsync(d, b.UnitId, b.App.Services.GetRequiredService<UnitSigner>()));

    private static async Task<Bureau> BureauWithReportsAsync(string db, params int[] percents)
    {
        var b = await Bureau.CreateAsync("guomi-" + db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        foreach (var percent in percents)
        {
            await RecordTests.ReportAsync(staff, task.Id, percent);
        }

        return b;
    }

    private static Task<List<RecordEntry>> EntriesAsync(Bureau b) =>
        b.WithDbAsync(d => d.RecordEntries.AsNoTracking().Where(e => e.UnitId == b.UnitId).OrderBy(e => e.Seq).ToListAsync());

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AFreshChainIsHashedWithSm3SignedAtEachSealAndVerifies(string db)
    {
        var b = await BureauWithReportsAsync(db, 20);
        await SealAsync(b);
        var task = await b.TaskAsync(b.SectionB, Today.AddDays(-20), Today.AddDays(100));
        await RecordTests.ReportAsync(await b.ApiAsync("staffB"), task.Id, 50);
        await SealAsync(b);

        var entries = await EntriesAsync(b);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(RecordHashing.Sm3, e.Hashing));
        Assert.All(entries, e => Assert.Equal(Sm3.Hex(e.Content), e.ContentHash));
        Assert.All(entries, e => Assert.NotEqual(RecordChain.Sha256(e.Content), e.ContentHash));
        var seals = await b.WithDbAsync(d => d.RecordSeals.Where(s => s.UnitId == b.UnitId).OrderBy(s => s.Seq).ToListAsync());
        Assert.Equal([1L, 2], seals.Select(s => s.Seq));
        Assert.Equal(entries.Select(e => e.Hash), seals.Select(s => s.Hash));
        var key = await b.WithDbAsync(d => d.UnitSigningKeys.SingleAsync(k => k.UnitId == b.UnitId));
        Assert.True(Sm2.Verify(key.PublicKey, RecordSeal.Message(b.UnitId, 2, entries[1].Hash), seals[1].Signature));
        // The private key is stored sealed with SM4, not as the 64 hex digits of d.
        Assert.StartsWith(SecretBox.Sm4Prefix, key.PrivateKey, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f]{64}", key.PrivateKey);
        // The office sees the public key and its fingerprint, to write down.
        var page = await (await b.PagesAsync("admin")).GetHtmlAsync("/Admin/Record");
        Assert.Contains(key.PublicKey, page, StringComparison.Ordinal);
        Assert.Contains(UnitSigningKey.Fingerprint(key.PublicKey), page, StringComparison.Ordinal);

        var verification = await RecordTests.VerifyAsync(b);
        Assert.True(verification.Intact, verification.FirstBroken?.ToString());
        Assert.Equal(2, verification.Entries);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnEditedEntryFailsVerification(string db)
    {
        var b = await BureauWithReportsAsync(db, 20);
        await SealAsync(b);

        await RecordTests.SqlAsync(b, $"""UPDATE "RecordEntries" SET "Content" = REPLACE("Content", '"percent":20', '"percent":90') WHERE "UnitId" = {b.UnitId} AND "Seq" = 1""");

        var broken = (await RecordTests.VerifyAsync(b)).FirstBroken;
        Assert.Equal(1L, broken?.Seq);
        Assert.Contains("内容与其哈希不符", broken!.What);
    }

    /// <summary>Someone with the database but not the key edits an entry and recomputes every SM3 hash
    /// and the head, so the chain itself is consistent again: the signed chain end no longer matches.</summary>
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AChainRewrittenWithFreshHashesFailsOnItsSignature(string db)
    {
        var b = await BureauWithReportsAsync(db, 20);
        await SealAsync(b);
        var entry = Assert.Single(await EntriesAsync(b));
        var reportId = long.Parse(entry.EntityKey["report:".Length..], System.Globalization.CultureInfo.InvariantCulture);

        entry.Content = entry.Content.Replace("\"percent\":20", "\"percent\":90", StringComparison.Ordinal);
        entry.ContentHash = RecordChain.ContentHashOf(entry);
        entry.Hash = RecordChain.HashOf(entry);
        await RecordTests.SqlAsync(b, $"""UPDATE "RecordEntries" SET "Content" = {entry.Content}, "ContentHash" = {entry.ContentHash}, "Hash" = {entry.Hash} WHERE "Id" = {entry.Id}""");
        await RecordTests.SqlAsync(b, $"""UPDATE "RecordHeads" SET "Hash" = {entry.Hash} WHERE "UnitId" = {b.UnitId}""");
        await RecordTests.SqlAsync(b, $"""UPDATE "Reports" SET "Percent" = 90 WHERE "Id" = {reportId}""");

        var broken = Assert.Single((await RecordTests.VerifyAsync(b)).Broken);
        Assert.Equal(("seal", 1L), (broken.Kind, broken.Seq));
        Assert.Contains("与已签名的链尾不符", broken.What);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ASignatureForgedOrDeletedIsCaught(string db)
    {
        var b = await BureauWithReportsAsync(db, 20, 40);
        await SealAsync(b);

        var other = Sm2.Generate();
        var hash = (await EntriesAsync(b))[^1].Hash;
        await RecordTests.SqlAsync(b, $"""UPDATE "RecordSeals" SET "Signature" = {Sm2.Sign(other.PrivateKey, RecordSeal.Message(b.UnitId, 2, hash))} WHERE "UnitId" = {b.UnitId}""");
        Assert.Contains("SM2 签名不符", (await RecordTests.VerifyAsync(b)).FirstBroken?.What);

        await RecordTests.SqlAsync(b, $"""DELETE FROM "RecordSeals" WHERE "UnitId" = {b.UnitId}""");
        var broken = Assert.Single((await RecordTests.VerifyAsync(b)).Broken);
        Assert.Contains("不在任何 SM2 签名的链尾之下", broken.What);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheVerifyCommandChecksTheSignaturesAndPrintsTheKeysFingerprint(string db)
    {
        var b = await BureauWithReportsAsync(db, 20);
        await SealAsync(b);
        var key = await b.WithDbAsync(d => d.UnitSigningKeys.SingleAsync(k => k.UnitId == b.UnitId));
        string[] args = ["--unit", b.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"--ConnectionStrings:Luoshi={b.App.ConnectionString}",
            $"--Record:AnchorFile={b.App.AnchorFile}", "--Crypto:Guomi=true"];

        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await Luoshi.Commands.VerifyCommand.RunAsync(args, output, error));
        Assert.Contains($"单位 {b.UnitId} 的 SM2 签名公钥指纹：{UnitSigningKey.Fingerprint(key.PublicKey)}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("记录链完整：1 条", output.ToString(), StringComparison.Ordinal);

        await RecordTests.SqlAsync(b, $"""UPDATE "RecordSeals" SET "Signature" = {Sm2.Sign(Sm2.Generate().PrivateKey, RecordSeal.Message(b.UnitId, 1, key.PublicKey))} WHERE "UnitId" = {b.UnitId}""");
        Assert.Equal(1, await Luoshi.Commands.VerifyCommand.RunAsync(args, output, error));
        Assert.Contains("SM2 签名不符", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A deployment that had the record without 国密 switches it on: the entries written before stay
    /// SHA-256 and verify so, the chain goes on with SM3 from the next entry, and the first signed seal covers both.</summary>
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AChainThatSwitchedFromSha256ToSm3AtASealVerifies(string db)
    {
        var plain = await Bureau.CreateAsync("switch-plain-" + db);
        var task = await plain.TaskAsync(plain.SectionA, Today.AddDays(-20), Today.AddDays(100));
        await RecordTests.ReportAsync(await plain.ApiAsync("staffA"), task.Id, 20);
        await RecordTests.SealAsync(plain);

        var guomi = plain.On(TestApp.For("switch-guomi-" + db));
        await RecordTests.ReportAsync(await guomi.ApiAsync("staffA"), task.Id, 60);
        await SealAsync(guomi);

        var entries = await EntriesAsync(guomi);
        Assert.Equal([RecordHashing.Sha256, RecordHashing.Sm3], entries.Select(e => e.Hashing));
        Assert.Equal(RecordChain.Sha256(entries[0].Content), entries[0].ContentHash);
        Assert.Equal(Sm3.Hex(entries[1].Content), entries[1].ContentHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        var verification = await RecordTests.VerifyAsync(guomi);
        Assert.True(verification.Intact, verification.FirstBroken?.ToString());
        Assert.Equal(2, verification.Entries);
        // The app without 国密 still verifies the mixed chain (switching back keeps it readable).
        Assert.True((await RecordTests.VerifyAsync(plain)).Intact);

        // An SM3 entry relabelled as SHA-256 no longer matches its hashes.
        await RecordTests.SqlAsync(guomi, $"""UPDATE "RecordEntries" SET "Hashing" = 0 WHERE "Id" = {entries[1].Id}""");
        Assert.Equal(2L, (await RecordTests.VerifyAsync(guomi)).FirstBroken?.Seq);
    }
}
