using Ruche.Core.Common;
using SkiaSharp;

namespace Ruche.Core.Files;

/// <summary>
/// Every uploaded image is decoded and drawn again (Skia), so nothing of the uploaded file but its pixels survives:
/// EXIF (GPS position, camera, time), XMP, IPTC and comments are gone, the EXIF orientation is applied to the pixels.
/// Made: a feed-size rendition (at most <see cref="FeedSize"/> px a side) and a thumbnail (<see cref="ThumbSize"/>), each
/// in WebP and in JPEG (PNG when the image has transparency or came as PNG or GIF) for browsers without WebP; the full-size image only when
/// the company keeps originals. Animated GIFs keep their first frame. The pixel count is checked from the header,
/// before any pixel is decoded (decompression bombs), and at most as many images as cores are decoded at once.
/// </summary>
public sealed class ImagePipeline : IDisposable
{
    public const int FeedSize = 1280;
    public const int ThumbSize = 320;
    public const int JpegQuality = 85;
    public const int WebpQuality = 80;

    private readonly SemaphoreSlim decoders = new(Math.Max(1, Environment.ProcessorCount));

    public async Task<ProcessedImage> ProcessAsync(Stream source, bool keepOriginal, CancellationToken cancellationToken)
    {
        await decoders.WaitAsync(cancellationToken);
        try
        {
            return Process(source, keepOriginal);
        }
        finally
        {
            decoders.Release();
        }
    }

    public void Dispose() => decoders.Dispose();

    /// <summary>Decodes <paramref name="source"/> (an image <see cref="FileTypes"/> recognised) and makes its renditions.</summary>
    public static ProcessedImage Process(Stream source, bool keepOriginal)
    {
        source.Position = 0;
        using var codec = SKCodec.Create(new SKManagedStream(source, disposeManagedStream: false))
            ?? throw Unreadable();
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw Unreadable();
        }

        if ((long)info.Width * info.Height > Limits.ImageMaxPixels)
        {
            throw RucheException.Invalid("image.too-many-pixels", $"An image holds at most {Limits.ImageMaxPixels / 1_000_000} megapixels.");
        }

        using var decoded = Decode(codec, keepOriginal ? int.MaxValue : FeedSize);
        using var oriented = Orient(decoded, codec.EncodedOrigin);
        // JPEG for photos; PNG for transparency and for lossless sources (screenshots, diagrams: JPEG would blur their text).
        var lossless = codec.EncodedFormat is SKEncodedImageFormat.Png or SKEncodedImageFormat.Gif;
        var opaque = !lossless && IsOpaque(oriented);
        var fallback = opaque ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        var renditions = new Dictionary<string, byte[]>();

        byte[] main;
        int width, height;
        using (var feed = Fit(oriented, FeedSize))
        {
            main = Encode(feed, fallback);
            renditions[FileRendition.FeedWebp] = Encode(feed, SKEncodedImageFormat.Webp);
            (width, height) = (feed.Width, feed.Height);
        }

        using (var thumb = Fit(oriented, ThumbSize))
        {
            renditions[FileRendition.Thumb] = Encode(thumb, fallback);
            renditions[FileRendition.ThumbWebp] = Encode(thumb, SKEncodedImageFormat.Webp);
        }

        if (keepOriginal)
        {
            renditions[FileRendition.Original] = Encode(oriented, fallback);
            (width, height) = (oriented.Width, oriented.Height);
        }

        return new ProcessedImage(opaque ? "image/jpeg" : "image/png", width, height, main, renditions);
    }

    private static RucheException Unreadable() =>
        RucheException.Invalid("image.unreadable", "This image cannot be read: it is damaged or in a format Ruche does not accept.");

    /// <summary>Decodes the first frame, letting the codec scale down (JPEG decodes at 1/2, 1/4, 1/8) while it stays at least <paramref name="largest"/> a side.</summary>
    private static SKBitmap Decode(SKCodec codec, int largest)
    {
        var size = codec.Info.Size;
        var longest = Math.Max(size.Width, size.Height);
        if (longest > largest)
        {
            var scaled = codec.GetScaledDimensions((float)largest / longest);
            if (Math.Max(scaled.Width, scaled.Height) >= largest)
            {
                size = scaled;
            }
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            throw Unreadable();
        }

        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw Unreadable();
        }

        return bitmap;
    }

    /// <summary>The pixels as they are meant to be seen: the EXIF orientation applied, so no reader needs it any more.</summary>
    internal static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        var swapped = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        // x' = ScaleX·x + SkewX·y + TransX ; y' = SkewY·x + ScaleY·y + TransY
        SKMatrix matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var target = new SKBitmap(new SKImageInfo(swapped ? h : w, swapped ? w : h, source.ColorType, source.AlphaType, source.ColorSpace));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        canvas.Flush();
        return target;
    }

    /// <summary>A copy at most <paramref name="largest"/> pixels a side (never enlarged), resampled with a cubic filter.</summary>
    private static SKBitmap Fit(SKBitmap source, int largest)
    {
        var longest = Math.Max(source.Width, source.Height);
        if (longest <= largest)
        {
            return source.Copy();
        }

        var scale = (double)largest / longest;
        var size = new SKSizeI(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)));
        return source.Resize(new SKImageInfo(size.Width, size.Height, source.ColorType, source.AlphaType, source.ColorSpace), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw Unreadable();
    }

    private static bool IsOpaque(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 0xFF)
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromBitmap(bitmap);
        var quality = format == SKEncodedImageFormat.Webp ? WebpQuality : JpegQuality;
        using var data = image.Encode(format, quality) ?? throw Unreadable();
        return data.ToArray();
    }
}
