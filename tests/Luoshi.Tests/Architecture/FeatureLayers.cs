namespace Luoshi.Tests.Architecture;

/// <summary>
/// The intended layers of <c>src/Luoshi/Features</c>, bottom up. A folder may use any folder of a
/// lower layer and the folders listed before it in its own layer; nothing else. Read as one list,
/// that order is a topological order of the features, so following it leaves no cycle.
/// <c>Luoshi.Data</c> (the DbContext, which names every set) and the app's composition (<c>App.cs</c>,
/// <c>Startup.cs</c>) sit outside the features: any feature may use them, and they may name any
/// feature, as a composition root does.
/// </summary>
internal static class FeatureLayers
{
    public static readonly string[][] BottomUp =
    [
        // Units, sections, people and who is looking: uses no feature. Below Shared because the
        // shared layout shows the viewer's name and menu.
        ["Organisation"],
        // UI helpers, outcomes, bounds, the clock and the layout.
        ["Shared"],
        // When and the trail: the working calendar, the audit log (with the security log), the LDAP/AD
        // directory (whose bind sign-in uses), sign-in (which audits), replays; the guard of the forms
        // open to anyone.
        ["Calendar", "Audit", "Ldap", "Account", "Idempotency", "PublicForms"],
        // Inbox, outbox and channels; owns the outbox batch.
        ["Notices"],
        // The to-do contract that features fill.
        ["Desk"],
        // Chains and verifies what the features above declare as recorded.
        ["Record"],
        // The work-item kernel; WorkItems is its one creation path for the ledgers above.
        ["Plans", "Tasks", "Lights", "Reports", "Requests", "WorkItems"],
        // Work on work items. 退办/改派 first: the escalation run leaves a task being returned alone.
        // 交办 between units last: it shows the 督办单 of what it assigned.
        ["Assignment", "Supervision", "Instructions", "Reviews", "Assessment", "Imports", "Dispatch"],
        // Ledgers: kinds of work item with their own tables.
        ["Appeals", "Rectification", "Projects", "Study", "Events", "Campaigns", "Research", "Recheck", "Directives", "Meetings", "Proposals",
            // 公开承诺: tasks published as reviewed editions for the public.
            "Publication"],
        // Pages over several features.
        // The directory sync lists the open tasks of the people it deactivated, for 改派.
        ["Dashboard", "Benchmarks", "Demo", "Admin", "DirectorySync",
            // 政务钉钉/企业微信: a second source of the directory sync, 免登 and work notices.
            "Messengers"],
    ];

    private static readonly Dictionary<string, int> Rank = BottomUp
        .SelectMany(layer => layer)
        .Select((folder, i) => (folder, i))
        .ToDictionary(x => x.folder, x => x.i);

    public static bool Knows(string folder) => Rank.ContainsKey(folder);

    public static bool Allows(string from, string to) => from == to || Rank[to] < Rank[from];

    public static int LayerOf(string folder) => Array.FindIndex(BottomUp, layer => layer.Contains(folder));
}
