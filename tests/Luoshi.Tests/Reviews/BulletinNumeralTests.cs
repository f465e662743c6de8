using Luoshi.Features.Reviews;

namespace Luoshi.Tests.Reviews;

/// <summary>Sections in a bulletin are numbered （一）（二）… however many a bureau has.</summary>
public class BulletinNumeralTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(15, "十五")]
    [InlineData(20, "二十")]
    [InlineData(99, "九十九")]
    [InlineData(100, "一百")]
    [InlineData(105, "一百零五")]
    [InlineData(110, "一百一十")]
    [InlineData(500, "五百")]
    [InlineData(1001, "一千零一")]
    [InlineData(1234, "一千二百三十四")]
    public void NumbersReadAsTheyAreWritten(int n, string expected) => Assert.Equal(expected, Bulletin.Numeral(n));
}
