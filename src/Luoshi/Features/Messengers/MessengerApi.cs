namespace Luoshi.Features.Messengers;

/// <summary>What a call needs: the app's address and credentials (the secret already revealed).
/// <see cref="Version"/> changes when the office saves the settings, so a cached token of the old
/// credentials is not used again.</summary>
internal sealed record MessengerAccess(MessengerKind Kind, string BaseUrl, string Id, string Secret, long AgentId, long Version)
{
    public string CacheKey => $"{Kind}|{BaseUrl}|{Id}|{Version}";
}

internal sealed record MessengerDepartment(long Id, string Name, long? ParentId);

/// <summary>A member as the address book lists him. <see cref="Active"/> false: disabled or gone (WeCom status 2 or 5).</summary>
internal sealed record MessengerUser(string UserId, string Name, string? Mobile, string? Email, string? Title, IReadOnlyList<long> Departments, bool Active);

/// <summary>A work notice: title, text, and the tracked link it opens (null: none configured).</summary>
internal sealed record WorkNotice(string Title, string Text, string? Link);

/// <summary>The far end answered with an error code (or not at all), in words the office can act on.</summary>
internal sealed class MessengerProblem(string message, int code = -1, bool transient = false) : Exception(message)
{
    public int Code { get; } = code;

    /// <summary>Trying again later may help (busy, rate limited, unreachable).</summary>
    public bool Transient { get; } = transient;
}

/// <summary>
/// The server API of one messenger, the real boundary of this feature: the DingTalk open platform
/// (<see cref="DingTalkApi"/>) and the WeCom API (<see cref="WeComApi"/>). Tests run both against a
/// loopback server that answers as the documented endpoints do.
/// </summary>
internal interface IMessengerApi
{
    MessengerKind Kind { get; }

    Task<List<MessengerDepartment>> DepartmentsAsync(MessengerAccess access, CancellationToken ct);

    /// <summary>Every member of the departments (each once, with all his departments).</summary>
    Task<List<MessengerUser>> UsersAsync(MessengerAccess access, IReadOnlyList<MessengerDepartment> departments, CancellationToken ct);

    /// <summary>The userid of the member a 免登 code belongs to; null when the code names no member
    /// of the organisation (WeCom: an outsider's openid).</summary>
    Task<string?> UserIdByCodeAsync(MessengerAccess access, string code, CancellationToken ct);

    Task SendAsync(MessengerAccess access, string userId, WorkNotice notice, CancellationToken ct);
}
