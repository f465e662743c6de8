namespace Luoshi.Documents;

/// <summary>
/// The only exception the reader and parser throw for bad input. The message is in Chinese and tells
/// the user what to do, so the app can show it as it is.
/// </summary>
public sealed class DocumentReadException : Exception
{
    public DocumentReadException()
    {
    }

    public DocumentReadException(string message)
        : base(message)
    {
    }

    public DocumentReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
