using Luoshi.Features.Record;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Browser;

/// <summary>国密: the office reads its unit's SM2 public key and fingerprint on the 留痕 page, on a phone too.</summary>
public class RecordKeyJourneyTests
{
    [Fact]
    public async Task TheOfficeSeesTheUnitsSigningKeyOnAPhoneWithoutScrollingSideways()
    {
        var b = await Bureau.CreateAsync("browser");
        // The key is made the first time the unit signs (this shared app has 国密 off, so it is asked to sign here).
        await b.WithDbAsync(d => b.App.Services.GetRequiredService<UnitSigner>().SignAsync(d, b.UnitId, [1, 2, 3], CancellationToken.None));
        var key = await b.WithDbAsync(d => d.UnitSigningKeys.AsNoTracking().SingleAsync(k => k.UnitId == b.UnitId));

        await using var admin = await Journey.StartAsync(b.App.BaseAddress!, Screen.Phone, storageState: null);
        await admin.OpenAsync("/Account/Login");
        await admin.Page.FillAsync("#UserName", b.People["admin"].Login);
        await admin.Page.FillAsync("#Password", Bureau.Password);
        await admin.SubmitAsync("main button[type=submit]");
        await admin.OpenAsync("/Admin/Record");

        var text = await admin.MainTextAsync();
        Assert.Contains(UnitSigningKey.Fingerprint(key.PublicKey), text, StringComparison.Ordinal);
        Assert.Contains(key.PublicKey, text, StringComparison.Ordinal);
        Assert.Contains("国密：未开启", text, StringComparison.Ordinal);
        await admin.AssertCleanAsync();
    }
}
