using System.Globalization;
using System.Net;
using Luoshi.Crypto;
using Luoshi.Features.Record;
using Luoshi.Features.Reviews;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Record;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Reviews;

/// <summary>国密 on: an issued 督查通报 carries the unit's SM2 signature of its hash, which <c>verify</c> checks.</summary>
public class BulletinSignatureTests
{
    private static readonly DateOnly Today = TestApp.Today;
    private static readonly string Month = Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static Task<Verification> VerifyAsync(Bureau b) => b.WithDbAsync(d => Verifier.VerifyAsync(d, b.UnitId, CancellationToken.None,
        signatures: b.App.Services.GetServices<RecordSignatureCheck>()));

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnIssuedBulletinIsSignedAndASwappedFileFailsVerification(string db)
    {
        var b = await Bureau.CreateAsync("guomi-" + db);
        await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(-2), change: t => t.Title = "建设孵化器");
        var admin = await b.PagesAsync("admin");
        var issued = await admin.PostFormAsync($"/Reviews?handler=Issue&period={Month}", [], $"/Reviews?period={Month}");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        var bulletin = await b.WithDbAsync(d => d.IssuedBulletins.AsNoTracking().SingleAsync(x => x.UnitId == b.UnitId));
        var key = await b.WithDbAsync(d => d.UnitSigningKeys.AsNoTracking().SingleAsync(k => k.UnitId == b.UnitId));
        Assert.NotNull(bulletin.Signature);
        Assert.True(Sm2.Verify(key.PublicKey, BulletinSignatures.Message(bulletin), bulletin.Signature));
        await b.WithDbAsync(d => RecordSealer.SealAsync(d, b.UnitId, b.App.Services.GetRequiredService<UnitSigner>()));
        var verification = await VerifyAsync(b);
        Assert.True(verification.Intact, verification.FirstBroken?.ToString());

        var swapped = bulletin.Content.ToArray();
        swapped[^1] ^= 1;
        await RecordTests.SqlAsync(b, $"""UPDATE "IssuedBulletins" SET "Content" = {swapped} WHERE "Id" = {bulletin.Id}""");

        var broken = (await VerifyAsync(b)).Broken.Single(x => x.EntityKey == $"bulletin:{bulletin.Id}" && x.Seq is null);
        Assert.Contains($"督查通报〔{Today.Year}〕第1期的 SM2 签名不符", broken.What);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task WithoutGuomiABulletinIsNotSigned(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.PagesAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Reviews?handler=Issue&period={Month}", [], $"/Reviews?period={Month}")).StatusCode);

        Assert.Null(await b.WithDbAsync(d => d.IssuedBulletins.Where(x => x.UnitId == b.UnitId).Select(x => x.Signature).SingleAsync()));
        Assert.False(await b.WithDbAsync(d => d.UnitSigningKeys.AnyAsync(k => k.UnitId == b.UnitId)));
    }
}
