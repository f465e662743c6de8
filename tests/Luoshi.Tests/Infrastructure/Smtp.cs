using System.Text.RegularExpressions;
using MimeKit;

namespace Luoshi.Tests.Infrastructure;

/// <summary>The SMTP receiver the test script starts on loopback (Debian's aiosmtpd with a Maildir
/// handler): LUOSHI_TEST_SMTP is its host:port, LUOSHI_TEST_MAILDIR the folder it delivers into.</summary>
internal static partial class Smtp
{
    public static string? Address => Environment.GetEnvironmentVariable("LUOSHI_TEST_SMTP");

    public static string Maildir => Environment.GetEnvironmentVariable("LUOSHI_TEST_MAILDIR")
        ?? throw new InvalidOperationException("LUOSHI_TEST_SMTP/LUOSHI_TEST_MAILDIR are not set: run the tests with ./test.sh, which starts an SMTP receiver (aiosmtpd) on loopback.");

    /// <summary>The delivered message with the Message-Id, waiting a little: the receiver writes the
    /// file after it has answered the client.</summary>
    public static async Task<MimeMessage> ReceivedAsync(string messageId)
    {
        var folder = Path.Combine(Maildir, "new");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.MessageId == messageId)
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"no mail with Message-Id {messageId} in {folder}");
    }

    /// <summary>Message-Id → number of copies in the receiver's Maildir (the tests that kill senders
    /// count how many came twice).</summary>
    public static Dictionary<string, int> ArrivedMessageIds()
    {
        var counts = new Dictionary<string, int>();
        foreach (var file in Directory.GetFiles(Path.Combine(Maildir, "new")))
        {
            using var reader = new StreamReader(file);
            for (var line = reader.ReadLine(); !string.IsNullOrEmpty(line); line = reader.ReadLine())
            {
                if (MessageIdHeader().Match(line) is { Success: true } m)
                {
                    counts[m.Groups[1].Value] = counts.GetValueOrDefault(m.Groups[1].Value) + 1;
                    break;
                }
            }
        }

        return counts;
    }

    [GeneratedRegex(@"^Message-I[dD]:\s*<([^>]+)>", RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();
}
