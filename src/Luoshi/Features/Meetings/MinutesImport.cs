using Luoshi.Documents;
using Luoshi.Features.Imports;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;

namespace Luoshi.Features.Meetings;

/// <summary>
/// 从纪要导入: an uploaded minutes file (.docx, .txt, .pdf) read by the same pipeline as the plan import
/// (<see cref="DocumentUpload"/>, the outline, <see cref="MinutesReader"/> and the import's row proposal, which
/// matches the units the minutes name to sections), turned into the meeting form's rows for the office to
/// review before anything is saved.
/// </summary>
internal static class MinutesImport
{
    public static Outcome<MeetingInput> Read(string fileName, Stream content, long length, IReadOnlyList<Section> sections, DateOnly today)
    {
        var text = DocumentUpload.Read(fileName, content, length);
        if (text.Kind != OutcomeKind.Ok)
        {
            return text.As<MeetingInput>();
        }

        var outline = OutlineParser.Parse(text.Value!);
        var minutes = MinutesReader.Read(outline);
        if (minutes.Items.Count == 0)
        {
            return Outcome<MeetingInput>.Invalid("file", "没有在文件中找到议定事项（如“会议议定如下：一、……”），请检查是否为会议纪要，或手工填写");
        }

        var year = minutes.MeetingDate?.Year ?? today.Year;
        var rows = PlanImport.Propose(outline, sections, year, today, minutes: true);
        var decisions = minutes.Items.Zip(rows, (item, row) => new DecisionInput
        {
            Number = item.Ordinal, Text = row.Title, LeadSectionId = row.LeadSectionId, DueDate = row.DueDate < today ? null : row.DueDate, Warning = row.Warning,
            CooperatingSectionIds = [.. (row.CooperatingSectionIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))],
        }).Take(MeetingDesk.MaxDecisions).ToList();
        return Outcome<MeetingInput>.Ok(new MeetingInput
        {
            Name = minutes.MeetingName ?? minutes.Title ?? "", HeldOn = minutes.MeetingDate is { } held && held <= today ? held : null,
            MinutesNumber = minutes.Number ?? "", Decisions = decisions,
        });
    }
}
