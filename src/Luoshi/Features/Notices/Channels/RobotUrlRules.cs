using System.Text.RegularExpressions;
using Luoshi.Features.Shared;

namespace Luoshi.Features.Notices.Channels;

/// <summary>
/// What a robot's webhook may look like. Posting a notice sends the unit's business to whatever
/// host the URL names, so a URL is taken only in the exact form the robot's maker hands out:
/// its host over https, its path, one token parameter; no user info, no fragment, nothing else.
/// </summary>
internal static partial class RobotUrlRules
{
    private const string DingTalkBase = "https://oapi.dingtalk.com/";
    private const string WeComBase = "https://qyapi.weixin.qq.com/";

    public static void Check(RobotKind kind, string? url, string? secret, IReadOnlyList<string> testBases, FieldErrors problems)
    {
        var (realBase, path, parameter, pattern, example) = kind == RobotKind.DingTalk
            ? (DingTalkBase, "robot/send", "access_token", DingTalkToken(), "https://oapi.dingtalk.com/robot/send?access_token=…")
            : (WeComBase, "cgi-bin/webhook/send", "key", WeComKey(), "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…");
        var wrong = $"地址格式不对，应为 {example}（从群机器人设置中原样复制）";

        if (string.IsNullOrWhiteSpace(url) || url.Length > 500 || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            problems.Add("Url", wrong);
        }
        else if (uri.UserInfo.Length > 0 || url.Contains('#', StringComparison.Ordinal))
        {
            problems.Add("Url", "地址中不能含有用户名、密码或“#”片段");
        }
        else if (!new[] { realBase }.Concat(testBases).Any(b => uri.GetLeftPart(UriPartial.Path) == NormalBase(b) + path))
        {
            problems.Add("Url", $"地址的主机或路径不是{(kind == RobotKind.DingTalk ? "钉钉" : "企业微信")}机器人的：{wrong}");
        }
        else if (!OneParameter(uri.Query, parameter, pattern))
        {
            problems.Add("Url", $"地址只能带一个参数 {parameter}，且其值须为机器人的令牌：{wrong}");
        }

        if (kind == RobotKind.WeCom && !string.IsNullOrWhiteSpace(secret))
        {
            problems.Add("Secret", "企业微信群机器人没有加签密钥，请留空");
        }
        else if (kind == RobotKind.DingTalk && !string.IsNullOrWhiteSpace(secret) && !DingTalkSecret().IsMatch(secret.Trim()))
        {
            problems.Add("Secret", "加签密钥应为“SEC”加 64 位字母数字（机器人安全设置中“加签”一栏）");
        }
    }

    /// <summary>The form a URL is stored and compared in, so the same robot pasted twice is seen as one.</summary>
    public static string Normal(string url) => new Uri(url.Trim()).AbsoluteUri;

    private static string NormalBase(string configured) => new Uri(configured.TrimEnd('/') + "/").AbsoluteUri;

    private static bool OneParameter(string query, string name, Regex value)
    {
        var pairs = query.TrimStart('?').Split('&');
        return pairs.Length == 1 && pairs[0].Split('=', 2) is [var key, var token] && key == name && value.IsMatch(token);
    }

    [GeneratedRegex("^[0-9A-Za-z]{16,128}$")]
    private static partial Regex DingTalkToken();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex WeComKey();

    [GeneratedRegex("^SEC[0-9A-Za-z]{64}$")]
    private static partial Regex DingTalkSecret();
}
