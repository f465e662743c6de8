using Luoshi.Features.Proposals;

namespace Luoshi.Tests.Proposals;

/// <summary>The statutory clock, as plain rules.</summary>
public class ProposalClockTests
{
    [Theory]
    [InlineData("2026-05-11", "2026-08-11", "2026-07-11")]
    [InlineData("2026-11-30", "2027-02-28", "2027-01-28")]
    [InlineData("2026-01-31", "2026-04-30", "2026-03-30")]
    public void TheReplyIsDueThreeMonthsAfterAssignmentAndTheOpinionsOneMonthBefore(string assigned, string reply, string opinion)
    {
        var on = DateOnly.Parse(assigned, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(reply, System.Globalization.CultureInfo.InvariantCulture), ProposalClock.ReplyDue(on));
        Assert.Equal(DateOnly.Parse(opinion, System.Globalization.CultureInfo.InvariantCulture), ProposalClock.OpinionDue(on));
    }

    [Fact]
    public void AnExtensionCountsFromTheAssignmentSoTheMonthEndIsKept() =>
        Assert.Equal(new DateOnly(2026, 7, 31), ProposalClock.ReplyDue(new DateOnly(2026, 1, 31), 3));

    [Theory]
    [InlineData("0123", "第0123号")]
    [InlineData("第0123号", "第0123号")]
    [InlineData(" 45号 ", "第45号")]
    [InlineData("第号", null)]
    public void NumbersAreWrittenTheWayTheCongressNumbersThem(string typed, string? stored) => Assert.Equal(stored, ProposalDesk.Number(typed));
}
