using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Features.Notices;

internal sealed record NoticeDto(long Id, NoticeKind Kind, int? TaskId, long? StepId, string Title, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt)
{
    public static NoticeDto From(Notice n) => new(n.Id, n.Kind, n.TaskId, n.StepId, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt);
}

internal sealed record InboxDto(int Unread, IReadOnlyList<NoticeDto> Notices);

internal static class NoticesApi
{
    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notices").WithTags("消息");
        group.MapGet("/", List).WithSummary("我的消息（最新的在前）与未读数");
        group.MapPost("/{id:long}/read", Read).WithSummary("标为已读");
        return app;
    }

    private static async Task<Ok<InboxDto>> List(bool? unread, int? take, Inbox inbox, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var notices = await inbox.ListAsync(viewer, unread ?? false, Math.Clamp(take ?? 50, 1, 500), ct);
        return TypedResults.Ok(new InboxDto(await inbox.UnreadCountAsync(viewer, ct), notices.Select(NoticeDto.From).ToList()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Read(long id, Inbox inbox, CurrentViewer current, CancellationToken ct) =>
        await inbox.MarkReadAsync(await current.RequireAsync(ct), id, ct) > 0 ? TypedResults.NoContent() : ApiResults.NotFound();
}
