using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Features.Notices;

internal sealed record NoticeDto(long Id, NoticeKind Kind, int? TaskId, long? StepId, string Title, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt)
{
    public static NoticeDto From(Notice n) => new(n.Id, n.Kind, n.TaskId, n.StepId, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt);
}

internal sealed record KindCountDto(NoticeKind Kind, string Name, int Unread);

/// <summary>A page of the inbox; <c>NextBefore</c>, when present, is passed as <c>before</c> for the next (older) page.</summary>
internal sealed record InboxDto(int Unread, IReadOnlyList<KindCountDto> UnreadByKind, IReadOnlyList<NoticeDto> Notices, long? NextBefore);

internal sealed record ReadAllDto(int Marked, int Unread);

internal static class NoticesApi
{
    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notices").WithTags("消息");
        group.MapGet("/", List).WithSummary("我的消息（最新的在前，按 before 翻页，可按类别和未读筛选）与未读数");
        group.MapPost("/{id:long}/read", Read).WithSummary("标为已读");
        group.MapPost("/read-all", ReadAll).WithSummary("全部标为已读，或只将某一类别（kind）标为已读");
        return app;
    }

    private static async Task<Ok<InboxDto>> List(bool? unread, NoticeKind? kind, long? before, int? take, Inbox inbox, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var page = await inbox.PageAsync(viewer, new InboxFilter(unread ?? false, kind is { } k ? [k] : null, before), take ?? 50, ct);
        var byKind = await inbox.UnreadByKindAsync(viewer, ct);
        return TypedResults.Ok(new InboxDto(
            Math.Max(0, byKind.Values.Sum()),
            [.. byKind.OrderBy(x => x.Key).Select(x => new KindCountDto(x.Key, x.Key.Chinese(), x.Value))],
            [.. page.Notices.Select(NoticeDto.From)],
            page.NextBefore));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Read(long id, Inbox inbox, CurrentViewer current, CancellationToken ct) =>
        await inbox.MarkReadAsync(await current.RequireAsync(ct), id, ct) ? TypedResults.NoContent() : ApiResults.NotFound();

    private static async Task<Ok<ReadAllDto>> ReadAll(NoticeKind? kind, Inbox inbox, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var marked = await inbox.MarkAllReadAsync(viewer, kind is { } k ? [k] : null, ct);
        return TypedResults.Ok(new ReadAllDto(marked, await inbox.UnreadCountAsync(viewer, ct)));
    }
}
