using FashionListing.Web.Components.Listing;
using Microsoft.AspNetCore.Components.Forms;

namespace FashionListing.Tests.Web.Components.Listing;

public sealed class UploadReaderTests
{
    private const long Limit = 100_000;

    [Fact]
    public async Task ReadAsync_BrowserSaysTheFileIsOverTheLimit_RefusedWithoutOpeningIt()
    {
        var file = new FakeBrowserFile(claimedSize: 150_000, actualSize: 150_000);

        UploadReadResult result = await UploadReader.ReadAsync(file, Limit, CancellationToken.None);

        // 150,000 bytes is 146.5 KB; 100,000 bytes is 97.6 KB.
        Assert.Equal(
            new UploadReadResult.Refused("The photo is 146.5 KB; the limit is 97.6 KB. Choose a smaller photo."),
            result);
        Assert.Equal(0, file.Opened);
        Assert.Equal(0, file.BytesRead);
    }

    [Fact]
    public async Task ReadAsync_FileLargerThanTheBrowserSaid_StopsReadingJustPastTheLimit()
    {
        // A browser (or a script posing as one) claims 10 bytes and then sends 50 MB; the stream does not
        // enforce any limit itself, so only the reader can stop.
        var file = new FakeBrowserFile(claimedSize: 10, actualSize: 50_000_000);

        UploadReadResult result = await UploadReader.ReadAsync(file, Limit, CancellationToken.None);

        Assert.Equal(
            new UploadReadResult.Refused("The photo is larger than the limit of 97.6 KB. Choose a smaller photo."),
            result);
        Assert.InRange(file.BytesRead, Limit + 1, Limit + 1);
    }

    [Fact]
    public async Task ReadAsync_FileExactlyAtTheLimit_ReadInFull()
    {
        var file = new FakeBrowserFile(claimedSize: Limit, actualSize: Limit);

        UploadReadResult result = await UploadReader.ReadAsync(file, Limit, CancellationToken.None);

        UploadReadResult.Read read = Assert.IsType<UploadReadResult.Read>(result);
        Assert.Equal(Limit, read.Bytes.Length);
        Assert.Equal(99_999 % 256, (int)read.Bytes[^1]);
    }

    [Fact]
    public async Task ReadAsync_StreamFailsHalfWay_AsksToTryAgain()
    {
        var file = new FakeBrowserFile(claimedSize: 5000, actualSize: 5000, failAfter: 2000);

        UploadReadResult result = await UploadReader.ReadAsync(file, Limit, CancellationToken.None);

        Assert.Equal(
            new UploadReadResult.Refused(
                "The photo could not be read completely; make sure it is at most 97.6 KB and try again."),
            result);
    }

    /// <summary>A browser file whose size claim and content length are chosen by the test; it counts reads.</summary>
    private sealed class FakeBrowserFile(long claimedSize, long actualSize, long failAfter = long.MaxValue)
        : IBrowserFile
    {
        public int Opened { get; private set; }

        public long BytesRead { get; private set; }

        public string Name => "photo.jpg";

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public long Size => claimedSize;

        public string ContentType => "image/jpeg";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            Opened++;

            return new CountingStream(actualSize, failAfter, read => BytesRead += read);
        }
    }

    /// <summary>Serves byte n = n mod 256, up to its length, and reports every read.</summary>
    private sealed class CountingStream(long length, long failAfter, Action<int> onRead) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter)
            {
                throw new IOException("The connection dropped.");
            }

            int n = (int)Math.Min(count, length - _position);
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)(_position + i);
            }

            _position += n;
            onRead(n);

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
