namespace Luoshi.Tests.Architecture;

public sealed class FeatureLayersTests
{
    [Fact]
    public void NoFeatureUsesAFeatureAboveIt()
    {
        var wrong = FeatureReferences.Everything
            .Where(r => FeatureLayers.Knows(r.From) && FeatureLayers.Knows(r.To))
            .Where(r => !FeatureLayers.Allows(r.From, r.To) && !KnownUpwardEdges.Allowed(r.From, r.To))
            .Select(r => $"{r.File} uses {r.Target}: {r.From} sits below {r.To}")
            .Distinct().Order().ToList();

        Assert.True(wrong.Count == 0, $"References against the layers of FeatureLayers ({wrong.Count}):\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void EveryFeatureFolderHasALayer()
    {
        var features = Path.Combine(FeatureReferences.SourceRoot(), "src", "Luoshi", "Features");
        var unplaced = Directory.GetDirectories(features).Select(Path.GetFileName).OfType<string>()
            .Where(folder => !FeatureLayers.Knows(folder)).Order().ToList();

        Assert.True(unplaced.Count == 0, "Place these folders in FeatureLayers.BottomUp: " + string.Join(", ", unplaced));
    }

    /// <summary>The list of tolerated edges only shrinks: once an edge is gone, its entry must go.</summary>
    [Fact]
    public void EveryToleratedUpwardEdgeStillExists()
    {
        var stale = KnownUpwardEdges.Edges
            .Where(e => !FeatureReferences.Everything.Any(r => r.From == e.From && r.To == e.To))
            .Select(e => $"{e.From} → {e.To}").ToList();

        Assert.True(stale.Count == 0, "Remove from KnownUpwardEdges, no file uses these any more: " + string.Join(", ", stale));
    }

    [Fact]
    public void ToleratedEdgesRunUpward()
    {
        var needless = KnownUpwardEdges.Edges.Where(e => FeatureLayers.Allows(e.From, e.To)).Select(e => $"{e.From} → {e.To}").ToList();

        Assert.True(needless.Count == 0, "These follow the layers and need no entry: " + string.Join(", ", needless));
    }

    /// <summary>The reader sees code, compiled pages and partial views by path, so a passing
    /// layer test means something.</summary>
    [Fact]
    public void TheReaderSeesCodePagesAndPartialViews()
    {
        var all = FeatureReferences.Everything;

        Assert.Contains(all, r => r.File == "Features/Tasks/TaskEditor.cs" && r.To == "Organisation");
        Assert.Contains(all, r => r.File == "Features/Tasks/Detail.cshtml" && r.To == "Shared");
        Assert.Contains(all, r => r.File == "Features/Dashboard/_Projects.cshtml" && r.Target == "/Features/Projects/_Funnel.cshtml");
    }
}
