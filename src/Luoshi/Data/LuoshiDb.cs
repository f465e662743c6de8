using Luoshi.Features.Assessment;
using Luoshi.Features.Benchmarks;
using Luoshi.Features.Calendar;
using Luoshi.Features.Imports;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Record;
using Luoshi.Features.Reports;
using Luoshi.Features.Requests;
using Luoshi.Features.Tasks;
using Luoshi.Features.Notices;
using Luoshi.Features.Reviews;
using Luoshi.Features.Supervision;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Data;

/// <summary>
/// The database. One context for both providers; each provider keeps its own migrations
/// (<see cref="SqliteDb"/>, <see cref="PostgresDb"/>). The unit (bureau) id leads every index of
/// the big tables so that one database can later be split by unit.
/// </summary>
internal class LuoshiDb(DbContextOptions options) : IdentityUserContext<AppUser, int>(options), IDataProtectionKeyContext
{
    /// <summary>Whose rows this context sees (see <see cref="Data.CurrentUnit"/>); null: every unit's.</summary>
    public CurrentUnit? CurrentUnit { get; set; }

    /// <summary>Read by the unit query filter of every tenant-owned row (<see cref="UnitKeys"/>).</summary>
    public int? CurrentUnitId => CurrentUnit?.Id;

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<LeaderCharge> LeaderCharges => Set<LeaderCharge>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<TaskCooperation> TaskCooperations => Set<TaskCooperation>();
    public DbSet<TaskReader> TaskReaders => Set<TaskReader>();
    public DbSet<TaskEvent> TaskEvents => Set<TaskEvent>();
    public DbSet<ProgressReport> Reports => Set<ProgressReport>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<SectionLightCount> SectionLightCounts => Set<SectionLightCount>();
    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();
    public DbSet<Scoreboard> Scoreboards => Set<Scoreboard>();
    public DbSet<IndicatorTask> IndicatorTasks => Set<IndicatorTask>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<CompletionRequest> CompletionRequests => Set<CompletionRequest>();
    public DbSet<EscalationStep> EscalationSteps => Set<EscalationStep>();
    public DbSet<HeldSheet> HeldSheets => Set<HeldSheet>();
    public DbSet<EscalationRunLog> EscalationRunLogs => Set<EscalationRunLog>();

    /// <summary>The data-protection keys when they are kept in the database (<see cref="KeyStore"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SheetReply> SheetReplies => Set<SheetReply>();
    public DbSet<Features.Instructions.Instruction> Instructions => Set<Features.Instructions.Instruction>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeDigestItem> NoticeDigestItems => Set<NoticeDigestItem>();
    public DbSet<NoticeDelivery> NoticeDeliveries => Set<NoticeDelivery>();
    public DbSet<NoticeCounter> NoticeCounters => Set<NoticeCounter>();
    public DbSet<Features.Notices.Arrival.NoticeChoice> NoticeChoices => Set<Features.Notices.Arrival.NoticeChoice>();
    public DbSet<Features.Notices.Arrival.NoticeRequirement> NoticeRequirements => Set<Features.Notices.Arrival.NoticeRequirement>();
    public DbSet<Features.Notices.Arrival.NoticeDigestRun> NoticeDigestRuns => Set<Features.Notices.Arrival.NoticeDigestRun>();
    public DbSet<ReviewFile> ReviewFiles => Set<ReviewFile>();
    public DbSet<IssuedBulletin> IssuedBulletins => Set<IssuedBulletin>();
    public DbSet<RobotWebhook> RobotWebhooks => Set<RobotWebhook>();
    public DbSet<RecordEntry> RecordEntries => Set<RecordEntry>();
    public DbSet<RecordHead> RecordHeads => Set<RecordHead>();
    public DbSet<RecordStart> RecordStarts => Set<RecordStart>();
    public DbSet<RecordSeal> RecordSeals => Set<RecordSeal>();
    public DbSet<UnitSigningKey> UnitSigningKeys => Set<UnitSigningKey>();
    public DbSet<AssessmentScheme> AssessmentSchemes => Set<AssessmentScheme>();
    public DbSet<QualityGrade> QualityGrades => Set<QualityGrade>();
    public DbSet<ScoreAdjustment> ScoreAdjustments => Set<ScoreAdjustment>();
    public DbSet<AssessmentAward> AssessmentAwards => Set<AssessmentAward>();
    public DbSet<StoredAssessment> StoredAssessments => Set<StoredAssessment>();
    public DbSet<Features.Study.StudyPlan> StudyPlans => Set<Features.Study.StudyPlan>();
    public DbSet<Features.Study.StudyGroup> StudyGroups => Set<Features.Study.StudyGroup>();
    public DbSet<Features.Study.StudyMember> StudyMembers => Set<Features.Study.StudyMember>();
    public DbSet<Features.Study.StudySession> StudySessions => Set<Features.Study.StudySession>();
    public DbSet<Features.Study.StudyAttendance> StudyAttendance => Set<Features.Study.StudyAttendance>();
    public DbSet<Features.Campaigns.Campaign> Campaigns => Set<Features.Campaigns.Campaign>();
    public DbSet<Features.Campaigns.CampaignPhase> CampaignPhases => Set<Features.Campaigns.CampaignPhase>();
    public DbSet<Features.Campaigns.PhaseTask> PhaseTasks => Set<Features.Campaigns.PhaseTask>();
    public DbSet<Features.Projects.ProjectDetails> ProjectDetails => Set<Features.Projects.ProjectDetails>();
    public DbSet<Features.Projects.ProjectStage> ProjectStages => Set<Features.Projects.ProjectStage>();
    public DbSet<Features.Research.ResearchTopic> ResearchTopics => Set<Features.Research.ResearchTopic>();
    public DbSet<Features.Research.ResearchVisit> ResearchVisits => Set<Features.Research.ResearchVisit>();
    public DbSet<Features.Research.ResearchReport> ResearchReports => Set<Features.Research.ResearchReport>();
    public DbSet<Features.Research.ResearchFinding> ResearchFindings => Set<Features.Research.ResearchFinding>();
    public DbSet<Features.Directives.DirectiveDetails> DirectiveDetails => Set<Features.Directives.DirectiveDetails>();
    public DbSet<Features.Directives.DirectiveInstruction> DirectiveInstructions => Set<Features.Directives.DirectiveInstruction>();
    public DbSet<Features.Directives.DirectiveReport> DirectiveReports => Set<Features.Directives.DirectiveReport>();
    public DbSet<Features.Meetings.Meeting> Meetings => Set<Features.Meetings.Meeting>();
    public DbSet<Features.Meetings.MeetingDecision> MeetingDecisions => Set<Features.Meetings.MeetingDecision>();
    public DbSet<Features.Proposals.ProposalDetails> Proposals => Set<Features.Proposals.ProposalDetails>();
    public DbSet<Features.Proposals.ProposalReply> ProposalReplies => Set<Features.Proposals.ProposalReply>();
    public DbSet<Features.Proposals.ProposalCoHandler> ProposalCoHandlers => Set<Features.Proposals.ProposalCoHandler>();
    public DbSet<Features.Proposals.ProposalOpinion> ProposalOpinions => Set<Features.Proposals.ProposalOpinion>();
    public DbSet<Features.Events.BureauEvent> Events => Set<Features.Events.BureauEvent>();
    public DbSet<Features.Rectification.Opinion> Opinions => Set<Features.Rectification.Opinion>();
    public DbSet<Features.Rectification.Problem> Problems => Set<Features.Rectification.Problem>();
    public DbSet<Features.Rectification.RectificationMeasure> RectificationMeasures => Set<Features.Rectification.RectificationMeasure>();
    public DbSet<Features.Appeals.AppealDetails> Appeals => Set<Features.Appeals.AppealDetails>();
    public DbSet<Features.Appeals.AppealFollowUp> AppealFollowUps => Set<Features.Appeals.AppealFollowUp>();
    public DbSet<Features.Idempotency.IdempotentRequest> IdempotentRequests => Set<Features.Idempotency.IdempotentRequest>();
    public DbSet<Features.Audit.AuditEntry> AuditEntries => Set<Features.Audit.AuditEntry>();
    public DbSet<ReportReturn> ReportReturns => Set<ReportReturn>();
    public DbSet<Features.Assignment.TaskReturn> TaskReturns => Set<Features.Assignment.TaskReturn>();
    public DbSet<Features.Assignment.Reassignment> Reassignments => Set<Features.Assignment.Reassignment>();
    public DbSet<Features.Dispatch.DispatchParty> DispatchParties => Set<Features.Dispatch.DispatchParty>();
    public DbSet<Features.Recheck.ScheduledRecheck> Rechecks => Set<Features.Recheck.ScheduledRecheck>();
    public DbSet<Features.Publication.PublicCommitment> PublicCommitments => Set<Features.Publication.PublicCommitment>();
    public DbSet<Features.Publication.PublicEdition> PublicEditions => Set<Features.Publication.PublicEdition>();
    public DbSet<Features.Publication.PublicEditionItem> PublicEditionItems => Set<Features.Publication.PublicEditionItem>();

    /// <summary>The app saves asynchronously only: a synchronous save would skip the light tally.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it keeps the section light tally in step with the tasks.");

    /// <summary>Saves in one transaction with what the save interceptors write beside it (the light
    /// tally of Lights, the record of Record, registered in <see cref="DatabaseSetup"/>). A transaction
    /// an interceptor opened for this save (<see cref="EnlistSaveAsync"/>) is committed here after
    /// all of them wrote, or rolled back when anything failed.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // What changed is found once here. The save interceptors each ask the change tracker for their
        // kind of entries, and each such question would compare every tracked row with its snapshot again
        // (a save asked it about twenty times); they only read, so the one answer holds for all of them.
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;

        // The tasks' concurrency token: every change of a task moves it, whatever changed.
        foreach (var task in ChangeTracker.Entries<WorkTask>().Where(e => e.State == EntityState.Modified))
        {
            task.Property(t => t.Version).CurrentValue = task.Entity.Version + 1;
        }

        var outer = Database.CurrentTransaction;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (outer is null && Database.CurrentTransaction is { } own)
            {
                await own.CommitAsync(cancellationToken);
                await own.DisposeAsync();
            }

            return saved;
        }
        catch
        {
            if (outer is null && Database.CurrentTransaction is { } own)
            {
                await own.DisposeAsync();
            }

            throw;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>For a save interceptor that writes beside the rows: makes sure the save runs in a
    /// transaction, opening one that <see cref="SaveChangesAsync"/> commits when the caller has none.</summary>
    internal async Task EnlistSaveAsync(CancellationToken ct)
    {
        if (Database.CurrentTransaction is null)
        {
            await Database.BeginTransactionAsync(ct);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Every entity's configuration sits beside it in its feature (IEntityTypeConfiguration<T>).
        builder.ApplyConfigurationsFromAssembly(typeof(LuoshiDb).Assembly);
        UnitKeys.Apply(builder, this);
    }
}

/// <summary>The context as configured for SQLite; its migrations live in Data/Migrations/Sqlite.</summary>
internal sealed class SqliteDb(DbContextOptions<SqliteDb> options) : LuoshiDb(options);

/// <summary>The context as configured for PostgreSQL; its migrations live in Data/Migrations/Postgres.</summary>
internal sealed class PostgresDb(DbContextOptions<PostgresDb> options) : LuoshiDb(options);
