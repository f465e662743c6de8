namespace Luoshi.Documents.Tests.Drafts;

public sealed class UnitTests
{
    [Fact]
    public void LeadAndCooperatingUnitsInBracketsAreTold()
    {
        var units = UnitReader.Read("建设孵化平台。（牵头单位：市科技局；配合单位：市财政局、市发改委）", firstListedLeads: false);

        Assert.Contains(new NamedUnit("市科技局", UnitRole.Lead), units);
        Assert.Contains(new NamedUnit("市财政局", UnitRole.Cooperating), units);
        Assert.Contains(new NamedUnit("市发改委", UnitRole.Cooperating), units);
    }

    [Fact]
    public void ResponsibleUnitsAndPeopleAfterALabelAreRead()
    {
        var units = UnitReader.Read("责任单位：办公室、政策法规科。责任人：王某某", firstListedLeads: false);

        Assert.Contains(new NamedUnit("办公室", UnitRole.Responsible), units);
        Assert.Contains(new NamedUnit("政策法规科", UnitRole.Responsible), units);
        Assert.Contains(new NamedUnit("王某某", UnitRole.Person), units);
    }

    [Fact]
    public void InABracketListTheFirstLeadsWhenTheDocumentSaysSo()
    {
        var units = UnitReader.Read("简化手续。（甲总局、乙部、丙委负责）", firstListedLeads: true);

        Assert.Equal([new NamedUnit("甲总局", UnitRole.Lead), new NamedUnit("乙部", UnitRole.Cooperating), new NamedUnit("丙委", UnitRole.Cooperating)], units);
    }

    [Fact]
    public void CollectiveUnitsNamedInTheTextAreMentioned()
    {
        var units = UnitReader.Read("局党组带头学习，各处室要提供心得。", firstListedLeads: false);

        Assert.Equal([new NamedUnit("局党组", UnitRole.Mentioned), new NamedUnit("各处室", UnitRole.Mentioned)], units);
    }
}
