namespace Luoshi.Documents.Tests.Outlining;

public sealed class WebCopyTests
{
    [Fact]
    public void PageMarkersThatCutAHeadingAreJoined()
    {
        var outline = OutlineAssert.Parse("""
            1、开头的一段话，大家好。今年要做好三件事情，具体来说
            2、就是以下三点。一、抓项目，促投资。项目是发展的支撑，要抓
            3、紧抓实。二、抓创新，增动能。创新是第一动力，我们
            4、必须重视。三、抓服
            5、务，优环境。服务是最好的环境。
            """);

        OutlineAssert.Items(outline.Items, "一、|抓项目，促投资", "二、|抓创新，增动能", "三、|抓服务，优环境");
        Assert.Contains("要抓紧抓实", outline.Items[0].Body, StringComparison.Ordinal);
        Assert.Equal(5, outline.Dropped.Count(d => d.Reason == "分页标记"));
    }

    [Fact]
    public void ARealNumberedListIsNotTakenForPageMarkers()
    {
        var outline = OutlineAssert.Parse("""
            一、要求
            1、按时报送。
            2、内容真实。
            3、格式规范。
            """);

        OutlineAssert.Items(outline.Items[0].Children, "1、|按时报送", "2、|内容真实", "3、|格式规范");
        Assert.Empty(outline.Dropped);
    }

    [Fact]
    public void WebBoilerplateIsDroppedAndReported()
    {
        var outline = OutlineAssert.Parse("""
            到某某文库首页
            关于做好年度工作的讲话
            上传人:张** 文档编号:123 上传时间:2024-01-02 格式:DOC 页数:3 大小:20KB
            返回 下载 相关 举报
            关于做好年度工作的讲话_第1页
            第1页 / 共3页
            点击查看更多>>
            下面是小编为大家整理的关于做好年度工作的讲话，供大家参考。
            发布时间:2024/1/2 10:00:00 字数:3000
            一、统一思想。
            ……(某某文库此处省略500字。不往下看了,点击下载全文)……
            二、狠抓落实。
            预览结束,全文3000字,当前显示1000字,还剩2000字
            推荐访问:讲话 工作
            - 另一篇讲话稿(01-02).docx
            本文链接:https://example.com/a/1.html
            """);

        OutlineAssert.Items(outline.Items, "一、|统一思想", "二、|狠抓落实");
        Assert.Equal("关于做好年度工作的讲话", outline.Title);
        Assert.Equal(13, outline.Dropped.Count);
        Assert.DoesNotContain(outline.AllNodes(), n => n.Body.Contains("下载", StringComparison.Ordinal) || n.Body.Contains("预览", StringComparison.Ordinal));
    }

    [Fact]
    public void TheYearComesFromTheTitleThenTheDocumentNumberThenADate()
    {
        Assert.Equal(2026, OutlineAssert.Parse("市科技局2026年工作要点\n一、任务").Year);
        Assert.Equal(2019, OutlineAssert.Parse("关于某事的意见\n某发〔2019〕4号\n一、任务").Year);
        Assert.Equal(2024, OutlineAssert.Parse("会议讲话\n2024年3月5日\n一、任务").Year);
        Assert.Null(OutlineAssert.Parse("会议讲话\n一、任务").Year);
    }
}
