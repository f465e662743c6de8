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
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Data;

/// <summary>
/// The database. One context for both providers; each provider keeps its own migrations
/// (<see cref="SqliteDb"/>, <see cref="PostgresDb"/>). The unit (bureau) id leads every index of
/// the big tables so that one database can later be split by unit.
/// </summary>
internal class LuoshiDb(DbContextOptions options) : IdentityUserContext<AppUser, int>(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<LeaderCharge> LeaderCharges => Set<LeaderCharge>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<TaskCooperation> TaskCooperations => Set<TaskCooperation>();
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
    public DbSet<SheetReply> SheetReplies => Set<SheetReply>();
    public DbSet<Features.Instructions.Instruction> Instructions => Set<Features.Instructions.Instruction>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeDelivery> NoticeDeliveries => Set<NoticeDelivery>();
    public DbSet<ReviewFile> ReviewFiles => Set<ReviewFile>();
    public DbSet<RobotWebhook> RobotWebhooks => Set<RobotWebhook>();
    public DbSet<RecordEntry> RecordEntries => Set<RecordEntry>();
    public DbSet<RecordHead> RecordHeads => Set<RecordHead>();
    public DbSet<RecordStart> RecordStarts => Set<RecordStart>();
    public DbSet<AssessmentScheme> AssessmentSchemes => Set<AssessmentScheme>();
    public DbSet<QualityGrade> QualityGrades => Set<QualityGrade>();
    public DbSet<ScoreAdjustment> ScoreAdjustments => Set<ScoreAdjustment>();
    public DbSet<AssessmentAward> AssessmentAwards => Set<AssessmentAward>();
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

    /// <summary>The app saves asynchronously only: a synchronous save would skip the light tally.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it keeps the section light tally in step with the tasks.");

    /// <summary>Saves in one transaction with what the save interceptors write beside it (the light
    /// tally of Lights, the record of Record, registered in <see cref="DatabaseSetup"/>). A transaction
    /// an interceptor opened for this save (<see cref="EnlistSaveAsync"/>) is committed here after
    /// all of them wrote, or rolled back when anything failed.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The tasks' concurrency token: every change of a task moves it, whatever changed.
        foreach (var task in ChangeTracker.Entries<WorkTask>().Where(e => e.State == EntityState.Modified))
        {
            task.Entity.Version++;
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
        AssessmentModel.Configure(builder);
        builder.ApplyConfiguration(new ReportReturnConfiguration());
        builder.ApplyConfiguration(new Features.Assignment.TaskReturnConfiguration());
        builder.ApplyConfiguration(new Features.Assignment.ReassignmentConfiguration());
        Features.Study.StudyModel.Configure(builder);
        Features.Campaigns.CampaignModel.Configure(builder);
        Features.Projects.ProjectStages.Configure(builder);
        Features.Events.BureauEvent.Configure(builder);
        Features.Rectification.LedgerModel.Configure(builder);

        builder.Entity<AppUser>(e =>
        {
            e.HasIndex(u => u.PersonId).IsUnique();
            e.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Unit>(e => e.Property(u => u.Name).HasMaxLength(100));

        builder.Entity<Section>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(100);
            e.HasIndex(s => new { s.UnitId, s.Name }).IsUnique();
            e.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Person>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(50);
            e.Property(p => p.Position).HasMaxLength(50);
            e.Property(p => p.Email).HasMaxLength(200);
            e.Property(p => p.Phone).HasMaxLength(50);
            e.HasIndex(p => new { p.UnitId, p.SectionId });
            e.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Section).WithMany().HasForeignKey(p => p.SectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Charges).WithOne().HasForeignKey(c => c.LeaderId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<LeaderCharge>(e =>
        {
            e.HasKey(c => new { c.UnitId, c.LeaderId, c.SectionId });
            e.HasOne<Section>().WithMany().HasForeignKey(c => c.SectionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CalendarDay>(e =>
        {
            e.HasKey(d => new { d.UnitId, d.Date });
            e.Property(d => d.Name).HasMaxLength(50);
            e.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Plan>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(200);
            e.Property(p => p.DocumentNumber).HasMaxLength(100);
            e.HasIndex(p => new { p.UnitId, p.Year });
            e.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<WorkTask>(e =>
        {
            e.Property(t => t.Title).HasMaxLength(500);
            e.Property(t => t.Number).HasMaxLength(20);
            e.Property(t => t.Stage).HasMaxLength(20);
            e.HasIndex(t => new { t.UnitId, t.Kind, t.Stage });
            e.Property(t => t.TargetUnit).HasMaxLength(20);
            e.Property(t => t.TargetValue).HasPrecision(18, 4);
            e.Property(t => t.AchievedValue).HasPrecision(18, 4);
            e.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<WorkTask>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SourceDocument>().WithMany().HasForeignKey(t => t.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Section>().WithMany().HasForeignKey(t => t.LeadSectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(t => t.LeadLeaderId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(t => t.ResponsiblePersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(t => t.Milestones).WithOne().HasForeignKey(m => m.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(t => t.Cooperations).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);

            // The dashboard groups by section and light; lists filter by them and sort by due date.
            e.HasIndex(t => new { t.UnitId, t.LeadSectionId, t.Light, t.DueBy });
            e.HasIndex(t => new { t.UnitId, t.Light, t.DueBy });
            e.HasIndex(t => new { t.UnitId, t.PlanId, t.ParentId, t.SortOrder });
            e.HasIndex(t => new { t.UnitId, t.LeadLeaderId });
            e.HasIndex(t => new { t.UnitId, t.ResponsiblePersonId });
            e.HasIndex(t => new { t.UnitId, t.DueBy });
            e.Property(t => t.Version).IsConcurrencyToken();
        });

        builder.Entity<ExtensionRequest>(e =>
        {
            e.Property(r => r.Reason).HasMaxLength(2000);
            e.Property(r => r.DecisionNote).HasMaxLength(2000);
            e.HasIndex(r => new { r.UnitId, r.TaskId, r.Status });
            e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
            // One pending request per task, whatever the code above it does; a decision is saved only
            // while the request is still pending (UPDATE … WHERE "Status" = 0).
            e.HasIndex(r => new { r.UnitId, r.TaskId }, "IX_ExtensionRequests_OnePending").IsUnique().HasFilter("\"Status\" = 0");
            e.Property(r => r.Status).IsConcurrencyToken();
        });
        builder.Entity<CompletionRequest>(e =>
        {
            e.Property(r => r.DecisionNote).HasMaxLength(2000);
            e.HasIndex(r => new { r.UnitId, r.Status, r.RequestedAt });
            e.HasIndex(r => new { r.UnitId, r.TaskId });
            e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ProgressReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.UnitId, r.TaskId }, "IX_CompletionRequests_OnePending").IsUnique().HasFilter("\"Status\" = 0");
            e.Property(r => r.Status).IsConcurrencyToken();
        });

        builder.Entity<EscalationStep>(e =>
        {
            e.Property(x => x.Facts).HasMaxLength(2000);
            e.HasIndex(x => new { x.UnitId, x.TaskId, x.Deadline, x.DueOn, x.Step }).IsUnique();
            e.HasIndex(x => new { x.UnitId, x.Year, x.Sequence }).IsUnique();
            e.Property(x => x.Message).HasMaxLength(SupervisionOptions.MaxText);
            // The 督办台账: a unit's sheets, newest first.
            e.HasIndex(x => new { x.UnitId, x.Step, x.Id });
            e.Property(x => x.State).IsConcurrencyToken();
            e.HasOne<WorkTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Notice>(e =>
        {
            e.Property(n => n.Title).HasMaxLength(600);
            e.Property(n => n.Body).HasMaxLength(4000);
            // The inbox and its unread count: a person's notices, newest first.
            e.HasIndex(n => new { n.UnitId, n.RecipientId, n.ReadAt, n.Id });
            e.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<EscalationStep>().WithMany(s => s.Notices).HasForeignKey(n => n.StepId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<NoticeDelivery>(e =>
        {
            e.Property(d => d.Channel).HasMaxLength(20);
            e.Property(d => d.Target).HasMaxLength(300);
            e.Property(d => d.LastError).HasMaxLength(1000);
            // What the sender polls: pending rows whose time has come.
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => new { d.UnitId, d.Status, d.Channel });
            e.HasOne(d => d.Notice).WithMany().HasForeignKey(d => d.NoticeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReviewFile>(e =>
        {
            e.Property(f => f.Period).HasMaxLength(20);
            e.Property(f => f.FileName).HasMaxLength(200);
            e.HasIndex(f => new { f.UnitId, f.Period, f.Kind }).IsUnique();
        });

        builder.Entity<RobotWebhook>(e =>
        {
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Name).HasMaxLength(50);
            // Stored protected (Features/Notices/Channels/RobotSecrets): longer than what was typed.
            e.Property(r => r.Url).HasMaxLength(1500);
            e.Property(r => r.Secret).HasMaxLength(500);
            e.Property(r => r.UrlKey).HasMaxLength(64);
            // The same robot twice would post every notice twice to the group.
            e.HasIndex(r => new { r.UnitId, r.UrlKey }).IsUnique();
            e.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RecordEntry>(e =>
        {
            e.Property(r => r.Kind).HasMaxLength(40);
            e.Property(r => r.EntityKey).HasMaxLength(100);
            e.Property(r => r.ContentHash).HasMaxLength(64);
            e.Property(r => r.PreviousHash).HasMaxLength(64);
            e.Property(r => r.Hash).HasMaxLength(64);
            e.Ignore(r => r.Source);
            e.HasIndex(r => new { r.UnitId, r.Seq }).IsUnique();
            // The sealer looks for unsealed entries every few seconds: an index of those alone.
            e.HasIndex(r => r.UnitId, "IX_RecordEntries_Unsealed").HasFilter("\"Seq\" IS NULL");
            e.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.ApplyConfiguration(new RecordStartConfiguration());
        builder.Entity<RecordHead>(e =>
        {
            e.HasKey(h => h.UnitId);
            e.Property(h => h.UnitId).ValueGeneratedNever();
            e.Property(h => h.Hash).HasMaxLength(64);
            e.HasOne<Unit>().WithMany().HasForeignKey(h => h.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Scoreboard>(e =>
        {
            e.Property(b => b.Name).HasMaxLength(200);
            e.Property(b => b.OwnCode).HasMaxLength(50);
            e.Property(b => b.BenchmarkCode).HasMaxLength(50);
            e.HasIndex(b => b.UnitId);
            // A scoreboard still being imported is not there for anyone (ScoreboardStore.ImportAsync).
            e.HasQueryFilter(b => !b.Importing);
            e.HasOne<Unit>().WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ScoreboardNode>(e =>
        {
            e.Property(n => n.Code).HasMaxLength(50);
            e.Property(n => n.Parent).HasMaxLength(50);
            e.Property(n => n.Name).HasMaxLength(200);
            e.Property(n => n.MeasureUnit).HasMaxLength(50);
            e.Property(n => n.Denominator).HasMaxLength(50);
            e.HasIndex(n => new { n.UnitId, n.ScoreboardId, n.Code }).IsUnique();
            e.HasOne<Scoreboard>().WithMany().HasForeignKey(n => n.ScoreboardId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ScoreboardUnit>(e =>
        {
            e.Property(u => u.Code).HasMaxLength(50);
            e.Property(u => u.Name).HasMaxLength(200);
            e.HasIndex(u => new { u.UnitId, u.ScoreboardId, u.Code }).IsUnique();
            e.HasOne<Scoreboard>().WithMany().HasForeignKey(u => u.ScoreboardId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ScoreboardValue>(e =>
        {
            e.Property(v => v.UnitCode).HasMaxLength(50);
            e.Property(v => v.Variable).HasMaxLength(50);
            e.Property(v => v.Source).HasMaxLength(300);
            e.HasIndex(v => new { v.UnitId, v.ScoreboardId, v.UnitCode, v.Variable, v.Year }).IsUnique();
            e.HasOne<Scoreboard>().WithMany().HasForeignKey(v => v.ScoreboardId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<IndicatorTask>(e =>
        {
            e.Property(l => l.Indicator).HasMaxLength(50);
            e.HasKey(l => new { l.UnitId, l.ScoreboardId, l.Indicator, l.TaskId });
            e.HasOne<Scoreboard>().WithMany().HasForeignKey(l => l.ScoreboardId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<WorkTask>().WithMany().HasForeignKey(l => l.TaskId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SourceDocument>(e =>
        {
            e.Property(d => d.FileName).HasMaxLength(255);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.HasIndex(d => new { d.UnitId, d.UploadedAt });
            e.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SectionLightCount>(e =>
        {
            e.HasKey(c => new { c.UnitId, c.SectionId, c.Light });
            e.ToTable("SectionLightCounts");
        });

        builder.Entity<Milestone>(e =>
        {
            e.Property(m => m.Title).HasMaxLength(300);
            e.Property(m => m.Deliverable).HasMaxLength(500);
            // Open milestones by date: "due in the next 14 days" walks this in order and stops at 20.
            e.HasIndex(m => new { m.UnitId, m.DueDate }).HasFilter("\"CompletedOn\" IS NULL").HasDatabaseName("IX_Milestones_Open");
            e.HasIndex(m => new { m.UnitId, m.TaskId });
        });

        builder.Entity<TaskCooperation>(e =>
        {
            e.HasKey(c => new { c.UnitId, c.TaskId, c.SectionId });
            e.HasIndex(c => new { c.UnitId, c.SectionId });
            e.HasOne<Section>().WithMany().HasForeignKey(c => c.SectionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<TaskEvent>(e =>
        {
            e.Property(h => h.Kind).HasMaxLength(30);
            e.HasIndex(h => new { h.UnitId, h.TaskId, h.At });
            e.HasOne<WorkTask>().WithMany().HasForeignKey(h => h.TaskId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ProgressReport>(e =>
        {
            e.Property(r => r.AchievedValue).HasPrecision(18, 4);
            e.HasIndex(r => new { r.UnitId, r.TaskId, r.SubmittedAt });
            e.HasIndex(r => new { r.UnitId, r.SectionId, r.SubmittedAt });
            e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Section>().WithMany().HasForeignKey(r => r.SectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ProgressReport>().WithMany().HasForeignKey(r => r.CorrectsId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Evidence).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Evidence>(e =>
        {
            e.Property(v => v.FileName).HasMaxLength(255);
            e.Property(v => v.ContentType).HasMaxLength(100);
            e.Property(v => v.Sha256).HasMaxLength(64);
            e.Property(v => v.StorageKey).HasMaxLength(200);
            e.HasIndex(v => new { v.UnitId, v.ReportId });
            // Attaching says "WHERE ReportId IS NULL": a file goes to one report, never moves to a second.
            e.Property(v => v.ReportId).IsConcurrencyToken();
            e.Property(v => v.ReplyId).IsConcurrencyToken();
        });

        Features.Idempotency.IdempotentRequest.Configure(builder);
        builder.ApplyConfiguration(new Features.Audit.AuditEntryConfiguration());
        builder.ApplyConfiguration(new SheetReplyConfiguration());
        builder.ApplyConfiguration(new Features.Instructions.InstructionConfiguration());
    }
}

/// <summary>The context as configured for SQLite; its migrations live in Data/Migrations/Sqlite.</summary>
internal sealed class SqliteDb(DbContextOptions<SqliteDb> options) : LuoshiDb(options);

/// <summary>The context as configured for PostgreSQL; its migrations live in Data/Migrations/Postgres.</summary>
internal sealed class PostgresDb(DbContextOptions<PostgresDb> options) : LuoshiDb(options);
