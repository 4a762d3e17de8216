using FashionListing.Inference.Imaging;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Support;
using SkiaSharp;

namespace FashionListing.Tests.Imaging;

public sealed class PhotoDecoderTests
{
    private readonly PhotoDecoder _decoder = TestImages.Decoder();

    [Fact]
    public void TryDecode_RealSellerPhoto_HasItsKnownSize()
    {
        byte[] file = File.ReadAllBytes(SharedData.ClothingPhoto(TestImages.RealPhoto));

        bool decoded = _decoder.TryDecode(file, out DecodedPhoto? photo, out PhotoRejected? rejection);

        Assert.True(decoded, rejection?.Message);
        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal(PhotoFormat.Jpeg, photo.Format);
            Assert.Equal((400, 534), (photo.Width, photo.Height));
            Assert.Equal((400, 534), (photo.OriginalWidth, photo.OriginalHeight));
            Assert.Equal(SKColorType.Rgba8888, photo.Bitmap.ColorType);
        }
    }

    [Fact]
    public void TryDecode_EmptyFile_RejectedAsEmpty()
    {
        bool decoded = _decoder.TryDecode(
            ReadOnlySpan<byte>.Empty,
            out DecodedPhoto? photo,
            out PhotoRejected? rejection);

        Assert.False(decoded);
        Assert.Null(photo);
        Assert.Equal(new PhotoRejected(PhotoRejectionReason.Empty, "The file is empty."), rejection);
    }

    [Fact]
    public void TryDecode_MoreBytesThanTheLimit_RejectedWithSizeAndLimit()
    {
        // 31.4 MB (MiB) is 32,925,286.4 bytes; a JPEG signature shows the byte check comes before sniffing.
        byte[] file = new byte[32_925_286];
        file[0] = 0xFF;
        file[1] = 0xD8;
        file[2] = 0xFF;

        bool decoded = _decoder.TryDecode(file, out _, out PhotoRejected? rejection);

        Assert.False(decoded);
        Assert.Equal(PhotoRejectionReason.TooManyBytes, rejection?.Reason);
        Assert.Equal("The file is 31.4 MB; the limit is 25 MB.", rejection?.Message);
    }

    [Fact]
    public void TryDecode_OneByteOverTheLimit_ShowsAValueAboveTheLimit()
    {
        byte[] file = new byte[(25 * 1024 * 1024) + 1];

        _decoder.TryDecode(file, out _, out PhotoRejected? rejection);

        Assert.NotNull(rejection);
        Assert.Equal("The file is 25.1 MB; the limit is 25 MB.", rejection?.Message);
    }

    [Fact]
    public void TryDecode_PngHeaderClaiming61Megapixels_RejectedBeforeDecodingPixels()
    {
        // 10,000 x 6,120 = 61,200,000 pixels. The IDAT chunk is garbage, so had the decoder tried
        // to decode (or allocate 245 MB for) the pixels the answer would be Corrupt instead.
        byte[] file = TestImages.PngHeaderOnly(10_000, 6_120);

        bool decoded = _decoder.TryDecode(file, out _, out PhotoRejected? rejection);

        Assert.False(decoded);
        Assert.Equal(PhotoRejectionReason.TooManyPixels, rejection?.Reason);
        Assert.Equal("The photo is 61.2 MP; the limit is 50 MP.", rejection?.Message);
    }

    [Fact]
    public void TryDecode_PngHeaderClaimingTenGigapixels_RejectedWithoutAllocating()
    {
        // 100,000 x 100,000 RGBA pixels would need 40 GB; the rejection must come from the header.
        byte[] file = TestImages.PngHeaderOnly(100_000, 100_000);

        _decoder.TryDecode(file, out _, out PhotoRejected? rejection);

        Assert.NotNull(rejection);
        Assert.Equal(PhotoRejectionReason.TooManyPixels, rejection?.Reason);
        Assert.Equal("The photo is 10000 MP; the limit is 50 MP.", rejection?.Message);
    }

    [Fact]
    public void TryDecode_SameGarbagePngWithinThePixelLimit_IsCorrupt()
    {
        byte[] file = TestImages.PngHeaderOnly(100, 80);

        bool decoded = _decoder.TryDecode(file, out _, out PhotoRejected? rejection);

        Assert.False(decoded);
        Assert.Equal(PhotoRejectionReason.Corrupt, rejection?.Reason);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(100, false)]
    [InlineData(2_000, true)]
    [InlineData(-2, true)]
    public void TryDecode_TruncatedJpeg_RejectedAsCorrupt(int keep, bool pastTheHeader)
    {
        // Cut inside the header, no codec accepts the file; cut after it, the codec reports input missing.
        byte[] whole = File.ReadAllBytes(SharedData.ClothingPhoto(TestImages.RealPhoto));
        int length = keep > 0 ? keep : whole.Length + keep;

        bool decoded = _decoder.TryDecode(whole.AsSpan(0, length), out _, out PhotoRejected? rejection);

        Assert.False(decoded);
        string expected = pastTheHeader
            ? "The photo is incomplete: the file ends before the picture does, perhaps because it was not fully "
                + "copied or downloaded. Please upload it again, or export it again from where it came from."
            : "The photo could not be read; the file may be damaged.";
        Assert.Equal(new PhotoRejected(PhotoRejectionReason.Corrupt, expected), rejection);
    }

    [Fact]
    public void TryDecode_JpegCutInHalf_RejectedAsCorrupt()
    {
        byte[] whole = File.ReadAllBytes(SharedData.ClothingPhoto(TestImages.RealPhoto));

        bool decoded = _decoder.TryDecode(whole.AsMemory(0, whole.Length / 2), out _, out PhotoRejected? rejection);

        Assert.False(decoded);
        Assert.Equal(PhotoRejectionReason.Corrupt, rejection?.Reason);
    }

    [Fact]
    public void TryDecode_RealPhotoCutAtFortyPlaces_AlwaysCorruptNeverThrows()
    {
        byte[] whole = File.ReadAllBytes(SharedData.ClothingPhoto(TestImages.RealPhoto));
        int step = whole.Length / 40;

        List<(int Length, PhotoRejectionReason? Reason)> outcomes = [];
        for (int length = 3; length < whole.Length; length += step)
        {
            _decoder.TryDecode(whole.AsSpan(0, length), out DecodedPhoto? photo, out PhotoRejected? rejection);
            photo?.Dispose();
            outcomes.Add((length, rejection?.Reason));
        }

        Assert.Equal(40, outcomes.Count);
        Assert.All(outcomes, outcome => Assert.Equal(PhotoRejectionReason.Corrupt, outcome.Reason));
    }

    [Fact]
    public void TryDecode_RealPhotoWithFlippedBytes_DecodesOrIsCorruptNeverThrows()
    {
        byte[] whole = File.ReadAllBytes(SharedData.ClothingPhoto(TestImages.RealPhoto));
        Random random = new(20261204);

        List<PhotoRejectionReason?> reasons = [];
        for (int attempt = 0; attempt < 40; attempt++)
        {
            byte[] damaged = (byte[])whole.Clone();
            for (int flip = 0; flip < 8; flip++)
            {
                // Past the first three bytes, so the file still sniffs as a JPEG.
                damaged[random.Next(3, damaged.Length)] ^= (byte)random.Next(1, 256);
            }

            _decoder.TryDecode(damaged, out DecodedPhoto? photo, out PhotoRejected? rejection);
            photo?.Dispose();
            reasons.Add(rejection?.Reason);
        }

        Assert.All(reasons, reason => Assert.True(reason is null or PhotoRejectionReason.Corrupt, $"{reason}"));
    }

    [Fact]
    public void TryDecode_JpegWithScrambledScanData_RejectedAsCorrupt()
    {
        byte[] file = TestImages.QuadrantJpeg(64, 64);
        int scan = file.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);
        file.AsSpan(scan + 2, file.Length - scan - 2).Fill(0xFF);

        bool decoded = _decoder.TryDecode(file, out _, out PhotoRejected? rejection);

        Assert.False(decoded);
        Assert.Equal(PhotoRejectionReason.Corrupt, rejection?.Reason);
    }

    [Fact]
    public void TryDecode_TextFileNamedJpg_RejectedAsUnsupported()
    {
        string path = Path.Combine(Path.GetTempPath(), $"listing-{Guid.NewGuid():N}.jpg");
        File.WriteAllText(path, "Size M, blue, worn twice. Collection only.");
        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }

        bool decoded = _decoder.TryDecode(file, out _, out PhotoRejected? rejection);

        Assert.False(decoded);
        Assert.Equal(
            new PhotoRejected(PhotoRejectionReason.UnsupportedType, "This file is not a JPEG, PNG, WebP or GIF photo."),
            rejection);
    }

    [Fact]
    public void TryDecode_BmpThatSkiaCanRead_RejectedAsUnsupported()
    {
        byte[] file = TestImages.Bmp2x2();
        using (SKData data = SKData.CreateCopy(file))
        using (SKCodec? codec = SKCodec.Create(data))
        {
            Assert.Equal(SKEncodedImageFormat.Bmp, codec?.EncodedFormat);
        }

        bool decoded = _decoder.TryDecode(file, out _, out PhotoRejected? rejection);

        Assert.False(decoded);
        Assert.Equal(PhotoRejectionReason.UnsupportedType, rejection?.Reason);
    }

    [Fact]
    public void TryDecode_Png_DecodesToItsSize()
    {
        using SKBitmap source = TestImages.Quadrants(60, 40);
        byte[] file = TestImages.Png(source);

        bool decoded = _decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.True(decoded);
        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal(PhotoFormat.Png, photo.Format);
            Assert.Equal((60, 40), (photo.Width, photo.Height));
            SKColor[] corners = TestImages.Corners(photo.Bitmap);
            Assert.Equal([TestImages.Red, TestImages.Green, TestImages.Blue, TestImages.White], corners);
        }
    }

    [Fact]
    public void TryDecode_PngWithTransparency_FlattenedOntoWhite()
    {
        using SKBitmap source = new(new SKImageInfo(4, 4, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        source.Erase(SKColors.Transparent);
        source.SetPixel(0, 0, new SKColor(255, 0, 0, 128));
        byte[] file = TestImages.Png(source);

        _decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.NotNull(photo);
        using (photo)
        {
            // Half-opaque red over white: 255 red, and 255 * (1 - 128/255) = 127 green and blue.
            TestImages.AssertColour(new SKColor(255, 127, 127), photo.Bitmap.GetPixel(0, 0), "half-red", 2);
            Assert.Equal(new SKColor(255, 255, 255, 255), photo.Bitmap.GetPixel(3, 3));
        }
    }

    [Fact]
    public void TryDecode_Webp_DecodesToItsSize()
    {
        using SKBitmap source = TestImages.Quadrants(64, 48);
        byte[] file = TestImages.Webp(source);

        bool decoded = _decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.True(decoded);
        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal(PhotoFormat.Webp, photo.Format);
            Assert.Equal((64, 48), (photo.Width, photo.Height));
            TestImages.AssertColour(TestImages.Green, TestImages.Corners(photo.Bitmap)[1], "top-right", 24);
        }
    }

    [Fact]
    public void TryDecode_GreyscaleJpeg_DecodesToEqualChannels()
    {
        using SKBitmap source = new(new SKImageInfo(32, 16, SKColorType.Gray8, SKAlphaType.Opaque));
        source.Erase(new SKColor(90, 90, 90));
        byte[] file = TestImages.Jpeg(source);

        _decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal((32, 16), (photo.Width, photo.Height));
            SKColor pixel = photo.Bitmap.GetPixel(16, 8);
            Assert.Equal((pixel.Red, pixel.Red), (pixel.Green, pixel.Blue));
            TestImages.AssertColour(new SKColor(90, 90, 90), pixel, "centre", 3);
        }
    }

    [Fact]
    public void TryDecode_ManyThreadsAtOnce_EachGetsTheSamePixels()
    {
        byte[] file = File.ReadAllBytes(SharedData.ClothingPhoto(TestImages.RealPhoto));
        byte[] expected;
        _decoder.TryDecode(file, out DecodedPhoto? reference, out _);
        using (reference)
        {
            expected = reference!.Bitmap.Bytes;
        }

        byte[][] results = new byte[16][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            _decoder.TryDecode(file, out DecodedPhoto? photo, out _);
            using (photo)
            {
                results[i] = photo!.Bitmap.Bytes;
            }
        });

        Assert.All(results, pixels => Assert.True(expected.AsSpan().SequenceEqual(pixels)));
    }
}
