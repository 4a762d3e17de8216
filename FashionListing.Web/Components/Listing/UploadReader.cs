using Microsoft.AspNetCore.Components.Forms;

namespace FashionListing.Web.Components.Listing;

/// <summary>Reads a file the seller chose in the browser, never more of it than the upload limit.</summary>
public static class UploadReader
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// Reads <paramref name="file"/> when it is at most <paramref name="limit"/> bytes. A file the browser says is
    /// larger is refused without being opened; one that turns out larger than it said is refused as soon as one
    /// byte past the limit has arrived, so no upload makes the server hold more than the limit.
    /// </summary>
    public static async Task<UploadReadResult> ReadAsync(
        IBrowserFile file,
        long limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);

        if (file.Size > limit)
        {
            return new UploadReadResult.Refused(TooLarge(file.Size, limit));
        }

        try
        {
            using var buffer = new MemoryStream((int)Math.Max(file.Size, 0));
            byte[] chunk = new byte[ChunkBytes];
            await using Stream stream = file.OpenReadStream(maxAllowedSize: limit, cancellationToken);
            while (true)
            {
                // Never asks for more than one byte past the limit, whatever the stream would give.
                int wanted = (int)Math.Min(chunk.Length, limit + 1 - buffer.Length);
                int read = await stream.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
                if (read == 0)
                {
                    return new UploadReadResult.Read(buffer.ToArray());
                }

                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    return new UploadReadResult.Refused(
                        $"The photo is larger than the limit of {ByteSize.FormatOver(limit + 1, limit).Limit}. "
                        + "Choose a smaller photo.");
                }
            }
        }
        catch (IOException)
        {
            // The browser's own stream throws this when the file outgrows the limit on the way, as does a
            // dropped upload; in both cases the seller can simply try again.
            return new UploadReadResult.Refused(
                $"The photo could not be read completely; make sure it is at most "
                + $"{ByteSize.FormatOver(limit + 1, limit).Limit} "
                + "and try again.");
        }
    }

    private static string TooLarge(long size, long limit)
    {
        (string shownSize, string shownLimit) = ByteSize.FormatOver(size, limit);

        return $"The photo is {shownSize}; the limit is {shownLimit}. Choose a smaller photo.";
    }
}

/// <summary>What became of reading an upload.</summary>
public abstract record UploadReadResult
{
    private UploadReadResult()
    {
    }

    /// <summary>The whole file, as uploaded.</summary>
    public sealed record Read(byte[] Bytes) : UploadReadResult;

    /// <summary>Nothing usable was read; <paramref name="Message"/> tells the seller why.</summary>
    public sealed record Refused(string Message) : UploadReadResult;
}
