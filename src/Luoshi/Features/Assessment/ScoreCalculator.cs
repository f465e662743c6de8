namespace Luoshi.Features.Assessment;

/// <summary>
/// Scores the sections and the responsible persons of one scheme. Pure: it reads only its inputs, and
/// only facts dated on or before the day it scores as of, so a past period scores the same whenever it
/// is recomputed. The rules are written out in the README ("Assessment (考核)").
/// </summary>
internal static class ScoreCalculator
{
    public static AssessmentResult Compute(ScoreInputs inputs)
    {
        var scheme = inputs.Scheme;
        var sections = new Dictionary<int, List<Part>>();
        var people = new Dictionary<int, List<Part>>();
        foreach (var facts in inputs.Tasks)
        {
            if (TaskAsOf.Read(facts, inputs) is not { } task)
            {
                continue;
            }

            var cooperating = facts.CooperatingSectionIds.Where(s => s != facts.LeadSectionId).Distinct().ToList();
            var leadShare = cooperating.Count == 0 ? 1m : scheme.LeadShare;
            Add(sections, facts.LeadSectionId, task.For(leadShare, isLead: true));
            foreach (var section in cooperating)
            {
                Add(sections, section, task.For((1 - scheme.LeadShare) / cooperating.Count, isLead: false));
            }

            if (facts.ResponsiblePersonId is { } person)
            {
                Add(people, person, task.For(1m, isLead: true));
            }
        }

        return new AssessmentResult(
            inputs.AsOf,
            Rank(sections, inputs.Sections, a => a.SectionId, inputs),
            Rank(people, inputs.People, a => a.PersonId, inputs));
    }

    private static void Add(Dictionary<int, List<Part>> parts, int party, Part part)
    {
        if (!parts.TryGetValue(party, out var list))
        {
            parts[party] = list = [];
        }

        list.Add(part);
    }

    private static List<Score> Rank(Dictionary<int, List<Part>> parts, IReadOnlyList<Party> parties, Func<ScoreAdjustment, int?> of, ScoreInputs inputs)
    {
        var names = parties.ToDictionary(p => p.Id, p => p.Name);
        var scores = parts.Select(p => Total(p.Key, names.GetValueOrDefault(p.Key, $"#{p.Key}"), p.Value, [.. inputs.Adjustments.Where(a => of(a) == p.Key)], inputs.Scheme)).ToList();
        // Ties share a rank (1, 1, 3): the next rank counts everyone above.
        return [.. scores
            .Select(s => s with { Rank = 1 + scores.Count(o => o.Total > s.Total) })
            .OrderBy(s => s.Rank).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    private static Score Total(int id, string name, List<Part> parts, List<ScoreAdjustment> adjustments, AssessmentScheme scheme)
    {
        var weight = parts.Sum(p => p.Score.Weight);
        decimal Rate(Func<Part, decimal> value) => weight == 0 ? 0 : parts.Sum(p => p.Score.Weight * value(p)) / weight;
        var completion = Rate(p => p.Score.Done ? 1 : 0);
        var timeliness = Rate(p => p.TimelinessFactor);
        var quality = Rate(p => p.QualityFactor);
        var baseScore = Round((scheme.CompletionWeight * completion) + (scheme.TimelinessWeight * timeliness) + (scheme.QualityWeight * quality));
        var deductions = parts.SelectMany(p => p.Deductions).OrderBy(d => d.On).ThenBy(d => d.TaskId).ToList();
        var deducted = deductions.Sum(d => d.Points);
        var bonus = adjustments.Where(a => a.Points > 0).Sum(a => a.Points);
        var penalty = -adjustments.Where(a => a.Points < 0).Sum(a => a.Points);
        // 扣完为止: what is taken away stops at the floor; bonus points count on top of what is left.
        // A floor above the base points only stops deductions; it never raises a score.
        var left = baseScore - deducted - penalty;
        var beyond = Math.Max(0, Math.Min(baseScore, scheme.ScoreFloor) - left);
        return new Score(id, name, parts.Count, Math.Round(completion, 4), Math.Round(timeliness, 4), Math.Round(quality, 4),
            baseScore, deducted, bonus, penalty, left + beyond + bonus, 0,
            [.. parts.Select(p => p.Score)], deductions, [.. adjustments.Select(AdjustmentEntry.From)]) { BeyondFloor = beyond };
    }

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>One task's part in one party's score.</summary>
    private sealed record Part(TaskScore Score, decimal TimelinessFactor, decimal QualityFactor, IReadOnlyList<Deduction> Deductions);

    /// <summary>A task as it stood on the day scored: due date, extensions and completion as known then.</summary>
    private sealed record TaskAsOf(TaskFacts Facts, bool Done, Timeliness Timeliness, int OverdueDays, string Grade, decimal TimelinessFactor, decimal QualityFactor, IReadOnlyList<(string Cause, DateOnly On, decimal Points)> Deductions)
    {
        public Part For(decimal share, bool isLead) => new(
            new TaskScore(Facts.Id, Facts.Title, isLead, share, Done, Timeliness, OverdueDays, Grade),
            TimelinessFactor,
            QualityFactor,
            [.. Deductions.Select(d => new Deduction(Facts.Id, Facts.Title, d.Cause, d.On, d.Points, Round(d.Points * share)))]);

        /// <summary>The task as it stood on the day scored, or null when it is not assessed in the period: not
        /// started yet, done before the period, or due after it and not done.</summary>
        public static TaskAsOf? Read(TaskFacts task, ScoreInputs inputs)
        {
            var (scheme, asOf, calendar) = (inputs.Scheme, inputs.AsOf, inputs.Calendar);
            // An extension approved after the day scored did not exist yet: undo it.
            var later = task.History.Where(f => f.Kind == FactKind.ApprovedExtension && f.On > asOf).OrderBy(f => f.On).ToList();
            var due = later.FirstOrDefault()?.PreviousDue ?? task.DueDate;
            var extensions = Math.Max(0, task.ExtensionCount - later.Count);
            var doneOn = task.CompletedOn is { } d && d <= asOf && (task.CompletionAcceptedOn ?? d) <= asOf ? d : (DateOnly?)null;
            if (task.StartDate > asOf || doneOn < scheme.PeriodStart || (due > scheme.PeriodEnd && doneOn is null))
            {
                return null;
            }

            // A deadline on a holiday is met on the next working day; lateness is counted in working days.
            var metBy = calendar.OnOrAfter(due);
            var last = doneOn ?? asOf;
            var overdueDays = calendar.CountWorkingDays(metBy.AddDays(1), last);
            var timeliness = overdueDays > 0 ? Timeliness.Overdue : extensions > 0 ? Timeliness.Extended : Timeliness.OnTime;
            var grades = scheme.GradeList.ToDictionary(g => g.Grade, g => g.Factor);
            var grade = inputs.Grades.TryGetValue(task.Id, out var given) && grades.ContainsKey(given) ? given : scheme.DefaultGrade;

            var deductions = new List<(string, DateOnly, decimal)>();
            foreach (var fact in task.History.Where(f => f.On >= scheme.PeriodStart && f.On <= asOf).OrderBy(f => f.On))
            {
                var (cause, points) = fact.Kind switch
                {
                    FactKind.Urge => ("催办", scheme.UrgePoints),
                    FactKind.Supervise => ("督办", scheme.SupervisePoints),
                    FactKind.RefusedCompletion => ("办结申请被退回", scheme.RefusedCompletionPoints),
                    _ => ("", 0m),
                };
                if (points > 0)
                {
                    deductions.Add(($"{cause}：{fact.Summary}", fact.On, points));
                }
            }

            // Only the overdue days inside the period count here, so consecutive periods never charge a day twice.
            var from = metBy.AddDays(1) > scheme.PeriodStart ? metBy.AddDays(1) : scheme.PeriodStart;
            var daysInPeriod = calendar.CountWorkingDays(from, last);
            if (daysInPeriod > 0 && scheme.OverduePointsPerDay > 0)
            {
                var points = Math.Min(daysInPeriod * scheme.OverduePointsPerDay, scheme.OverdueCapPerTask);
                var capped = points < daysInPeriod * scheme.OverduePointsPerDay ? $"，封顶{scheme.OverdueCapPerTask:0.##}分" : "";
                deductions.Add(($"逾期{daysInPeriod}个工作日（完成时限 {Shared.Ui.Date(due)}{capped}）", last, points));
            }

            return new TaskAsOf(task, doneOn is not null, timeliness, overdueDays, grade,
                timeliness switch { Timeliness.OnTime => 1m, Timeliness.Extended => scheme.ExtendedFactor, _ => 0m },
                grades.GetValueOrDefault(grade), deductions);
        }
    }
}
