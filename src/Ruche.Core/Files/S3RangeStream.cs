using Amazon.S3;
using Amazon.S3.Model;

namespace Ruche.Core.Files;

/// <summary>
/// A read-only, seekable view of an object: each read from a new position opens a ranged GET from there to the end,
/// so a reader asking for bytes 1000–1999 of a video downloads those, not the whole object.
/// </summary>
internal sealed class S3RangeStream(IAmazonS3 client, string bucket, string key, long length) : Stream
{
    private Stream? body;
    private GetObjectResponse? response;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= length || buffer.Length == 0)
        {
            return 0;
        }

        if (body is null)
        {
            response = await client.GetObjectAsync(
                new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(position, length - 1) }, cancellationToken);
            body = response.ResponseStream;
        }

        var read = await body.ReadAsync(buffer, cancellationToken);
        position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (target != position)
        {
            Release();
            position = target;
        }

        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
        }

        base.Dispose(disposing);
    }

    private void Release()
    {
        body?.Dispose();
        response?.Dispose();
        body = null;
        response = null;
    }
}
