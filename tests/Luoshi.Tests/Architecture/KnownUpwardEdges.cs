namespace Luoshi.Tests.Architecture;

/// <summary>
/// Edges that still run against <see cref="FeatureLayers"/>, each with why it is still there and
/// how it would go. This list only shrinks
/// (<see cref="FeatureLayersTests.EveryToleratedUpwardEdgeStillExists"/>); a new upward reference
/// fails <see cref="FeatureLayersTests.NoFeatureUsesAFeatureAboveIt"/> with its file.
/// </summary>
internal static class KnownUpwardEdges
{
    public static readonly (string From, string To, string Why)[] Edges =
    [
        // Inside the work-item kernel (Plans → Tasks → Lights → Reports → Requests).
        // The plan's page, its tree and the plan list show the plan's tasks with their lights, and a
        // change of a plan's reporting rule reschedules its tasks' lights. Fix: the plan pages and
        // PlanTree move above Lights (a page folder over the kernel), PlanEditor asks Lights through
        // the save (as the tally does).
        ("Plans", "Tasks", "plan pages and PlanTree list the plan's tasks"),
        ("Plans", "Lights", "plan pages show light badges and the roll-up; PlanEditor reschedules lights"),
        // The plan page shows the text of the document the plan was imported from. Fix: the import
        // adds a section to the plan page, or SourceDocument (a plan's source) moves to Plans.
        ("Plans", "Imports", "plan page shows the imported source document"),
        // WorkTask stores its Light and LightReason, whose enums live in Lights, and TaskEditor
        // recomputes the light after each write. Fix: the enums move to Tasks (the light is a fact
        // of the task) and the recompute becomes a save interceptor of Lights.
        ("Tasks", "Lights", "WorkTask's Light/LightReason enums; TaskEditor recomputes the light"),
        // A report that claims completion opens the 办结 request in the same transaction.
        ("Reports", "Requests", "ReportSubmitter opens a CompletionRequest"),

        // The task page (Tasks/Detail) shows everything about a task: reports, requests, 督办 steps,
        // 退办, instructions, the source excerpt and ledger events; the task list offers bulk
        // 催办/改派. Fix: the features fill sections of the task page through a small contract in
        // Tasks (as the header counts do for the layout), or the page moves to the top layer.
        ("Tasks", "Reports", "task page lists reports and returns them"),
        ("Tasks", "Requests", "task page lists 延期/办结 requests and decides them"),
        ("Tasks", "Supervision", "task page shows 督办 steps and signs; task list bulk 催办"),
        ("Tasks", "Assignment", "task page shows 退办 (partial _TaskReturns)"),
        ("Tasks", "Instructions", "task page shows leaders' instructions"),
        ("Tasks", "Imports", "task page shows the source document excerpt"),
        ("Tasks", "Events", "task page shows ledger events (partial _TaskEvents)"),
        ("Reports", "Supervision", "EvidenceAccess also guards a 督办 reply's evidence files"),

        // The sheet (督办单) page and API show the leaders' instructions on it, while an
        // instruction points at its sheet. Fix: the sheet page moves to Instructions or gets a section.
        ("Supervision", "Instructions", "sheet page and API show instructions"),
        // A review can be of a campaign or a study plan. Fix: the ledgers offer review scopes.
        ("Reviews", "Campaigns", "ReviewChoice lists campaigns"),
        ("Reviews", "Study", "ReviewChoice lists study plans"),

    ];

    public static bool Allowed(string from, string to) => Edges.Any(e => e.From == from && e.To == to);
}
