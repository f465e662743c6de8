using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features;

/// <summary>The page people see for a status code: in words, never a stack trace.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            403 => ("无权访问", "您没有查看或修改这项内容的权限。"),
            404 => ("未找到", "该页面或记录不存在，或您无权查看。"),
            413 => ("文件过大", "上传的内容超过了允许的大小。"),
            429 => ("提交过于频繁", "短时间内提交次数过多，请过几分钟再提交。已填写的内容可用浏览器的“返回”找回。"),
            _ => ("出错了", "系统处理时出错，请稍后再试或联系办公室。"),
        };
        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}
