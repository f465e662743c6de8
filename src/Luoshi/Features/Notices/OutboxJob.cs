using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Notices;

/// <summary>On every poll, sends until the outbox has nothing due. Rows are claimed with a lease, so
/// two instances share the outbox and a killed sender's rows are taken over.</summary>
internal sealed class OutboxJob(IServiceScopeFactory scopes) : IPolledJob
{
    public string Name => "消息发送";

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            // A scope per batch: the sent rows' tracked entities go with it.
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<NoticeDispatcher>().SendBatchAsync(ct) == 0)
            {
                return;
            }
        }
    }
}
