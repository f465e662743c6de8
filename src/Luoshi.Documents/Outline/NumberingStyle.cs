namespace Luoshi.Documents;

/// <summary>How an outline item is numbered. The first four are the heading levels of GB/T 9704-2012.</summary>
public enum NumberingStyle
{
    /// <summary>一、</summary>
    ChineseComma,

    /// <summary>（一） or (一)</summary>
    ChineseParen,

    /// <summary>1. 1、 1．</summary>
    ArabicDot,

    /// <summary>（1） or (1)</summary>
    ArabicParen,

    /// <summary>①</summary>
    Circled,

    /// <summary>第一，</summary>
    Ordinal,

    /// <summary>一是 / 一要 / 一是要</summary>
    ShiYao,

    /// <summary>首先 / 其次 / 再次 / 最后</summary>
    Sequence,

    /// <summary>1 / 1.1 / 1.1.1 as plans and standards number their chapters</summary>
    Decimal,

    /// <summary>A row of a breakdown table (序号 / 重点任务 / 牵头单位 …)</summary>
    TableRow,
}
