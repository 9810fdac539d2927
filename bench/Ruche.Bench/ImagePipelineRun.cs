using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Ruche.Core.Files;
using SkiaSharp;

namespace Ruche.Bench;

/// <summary>
/// The image pipeline (ADR 26) on a generated 12-megapixel phone photo (4000×3000 JPEG, quality 92, EXIF with
/// orientation and GPS): time per photo and peak memory, without and with originals kept. Bounded: a few photos each.
/// <c>dotnet bench/Ruche.Bench/bin/Release/net10.0/Ruche.Bench.dll images [photos]</c>.
/// </summary>
public static class ImagePipelineRun
{
    public static void Run(int photos)
    {
        var photo = Photo(4000, 3000);
        Console.WriteLine($"Source: 4000×3000 JPEG with EXIF (orientation 6, GPS), {photo.Length / 1024.0 / 1024.0:F1} MB; {photos} photos per mode, one at a time, after one warm-up.");
        Console.WriteLine();
        Console.WriteLine("| mode | median ms/photo | min | max | managed alloc MB/photo | peak RSS MB (process) | main + renditions KB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var keep in new[] { false, true })
        {
            using var source = new MemoryStream(photo);
            _ = ImagePipeline.Process(source, keep); // warm-up: native library load, JIT
            var times = new List<double>();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            ProcessedImage? last = null;
            for (var i = 0; i < photos; i++)
            {
                var watch = Stopwatch.StartNew();
                last = ImagePipeline.Process(source, keep);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var perPhoto = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)photos / 1024 / 1024;
            times.Sort();
            var size = (last!.Main.Length + last.RenditionBytes) / 1024;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(keep ? "originals kept" : "feed + thumb only")} | {times[times.Count / 2]:F0} | {times[0]:F0} | {times[^1]:F0} | {perPhoto:F1} | {PeakRssMegabytes():F0} | {size} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Peak RSS is the process's high-water mark (VmHWM) so far: the second row includes the first; run one mode alone to isolate it.");
    }

    private static double PeakRssMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>A photo-like picture (gradients and noise, so the JPEG is as large as a camera's) with phone EXIF.</summary>
    private static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var random = new Random(42);
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = ((y * width) + x) * 4;
                var noise = random.Next(-24, 24);
                pixels[at] = (byte)Math.Clamp((x * 255 / width) + noise, 0, 255);
                pixels[at + 1] = (byte)Math.Clamp((y * 255 / height) + noise, 0, 255);
                pixels[at + 2] = (byte)Math.Clamp(128 + ((x ^ y) & 63) + noise, 0, 255);
                pixels[at + 3] = 255;
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 92);
        var jpeg = data.ToArray();
        var exif = Exif();
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>"Exif\0\0" and a little-endian TIFF block: orientation 6 and a GPS IFD with a latitude.</summary>
    private static byte[] Exif()
    {
        var tiff = new byte[96];
        var w = tiff.AsSpan();
        "II"u8.CopyTo(w);
        BinaryPrimitives.WriteUInt16LittleEndian(w[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(w[4..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(w[8..], 2);
        Entry(w, 10, 0x0112, 3, 1, 6);
        Entry(w, 22, 0x8825, 4, 1, 38);
        BinaryPrimitives.WriteUInt16LittleEndian(w[38..], 2);
        Entry(w, 40, 0x0001, 2, 2, 'N');
        Entry(w, 52, 0x0002, 5, 3, 68);
        uint[] latitude = [48, 1, 51, 1, 2960, 100];
        for (var i = 0; i < latitude.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(w[(68 + (i * 4))..], latitude[i]);
        }

        return [.. "Exif\0\0"u8, .. tiff[..92]];
    }

    private static void Entry(Span<byte> w, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(w[at..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(w[(at + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(w[(at + 4)..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(w[(at + 8)..], value);
    }
}
