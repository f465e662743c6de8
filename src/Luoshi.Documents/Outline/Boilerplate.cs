using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// The furniture that document-sharing sites and gov.cn pages wrap around a text. Each rule names its
/// reason so the user can see what was dropped and object when a real line was taken.
/// </summary>
internal static partial class Boilerplate
{
    private static readonly (Regex Pattern, string Reason)[] Rules =
    [
        (Rx(@"^到\S{1,12}首页$"), "网站导航"),
        (Rx(@"点击下载全文|此处省略\d+字|^下载全文$"), "网站截断或下载提示"),
        (Rx(@"^第\s*\d+\s*页\s*[/／]\s*共\s*\d+\s*页$"), "分页标记"),
        (Rx(@"_第\d+页$"), "分页标题"),
        (Rx(@"^预览结束"), "网站截断或下载提示"),
        (Rx(@"点击查看更多|^展开阅读全文$|^相关资源$|^相关搜索$|^资源描述$"), "网站导航"),
        (Rx(@"^返回\s+下载\s+相关\s+举报$"), "网站导航"),
        (Rx(@"^(上传人|上传时间|文档编号)[:：]"), "上传信息"),
        (Rx(@"^(发布时间|时间)[:：]\s*\d{4}[-/]"), "上传信息"),
        (Rx(@"^导语[:：]|来源于网友上传|不代表本站观点"), "网站说明"),
        (Rx(@"^下面是小编为大家整理的"), "网站说明"),
        (Rx(@"[(（]完整文档[)）]$"), "网站生成的标题"),
        (Rx(@"^【提纲】"), "网站生成的提纲"),
        (Rx(@"^推荐访问[:：]"), "相关文章列表"),
        (Rx(@"^本文链接[:：]|^本文\d{4}-\d{2}-\d{2}.*发表|^本文\d*$"), "网站说明"),
        (Rx(@"^[-•·]\s*\S.*\.(docx?|pdf|pptx?|xlsx?|txt)$"), "相关文章列表"),
        (Rx(@"由会员分享.*请在.*搜索"), "网站说明"),
        (Rx(@"^当前位置[:：]|版权所有|ICP备|公网安备|^电脑版"), "网站页脚"),
        (Rx(@"扫一扫在手机打开当前页"), "网站页脚"),
    ];

    /// <summary>The labels of gov.cn's metadata table; each is followed by its value on the next line.</summary>
    [GeneratedRegex(@"^(索\s*引\s*号|主题分类|发文机关|成文日期|标\s*题|发文字号|发布日期|主\s*题\s*词)[:：]$")]
    public static partial Regex MetadataLabel();

    public static string? Reason(string trimmedLine)
    {
        foreach (var (pattern, reason) in Rules)
        {
            if (pattern.IsMatch(trimmedLine))
            {
                return reason;
            }
        }

        return null;
    }

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
