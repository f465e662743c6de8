using Microsoft.AspNetCore.Http.Metadata;

namespace Luoshi.Features.Shared;

/// <summary>
/// Holds each endpoint to its own body limit (<see cref="IRequestSizeLimitMetadata"/>) whatever the server:
/// Kestrel applies it through routing, but a server without that feature (the test host, some proxies'
/// hosts) would read a 60 MB "progress report" in full. Past the limit the read fails with 413.
/// </summary>
internal static class BodyLimit
{
    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit)
        {
            if (context.Request.ContentLength > limit)
            {
                throw TooLarge();
            }

            context.Request.Body = new Limited(context.Request.Body, limit);
        }

        await next(context);
    });

    private static BadHttpRequestException TooLarge() => new("Request body too large.", StatusCodes.Status413PayloadTooLarge);

    private sealed class Limited(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw TooLarge() : read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
