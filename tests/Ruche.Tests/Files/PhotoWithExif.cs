using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Ruche.Tests.Files;

/// <summary>
/// A phone photo as phones write it: a JPEG whose EXIF carries an orientation and a GPS position (and an XMP packet
/// repeating the position), built byte by byte so the tests know exactly what must disappear.
/// </summary>
public static class PhotoWithExif
{
    /// <summary>Latitude 48°51'29.6" N, longitude 2°17'40.2" E: where the teleworker lives.</summary>
    public static readonly (uint Degrees, uint Minutes, uint CentiSeconds) Latitude = (48, 51, 2960);

    public static readonly (uint Degrees, uint Minutes, uint CentiSeconds) Longitude = (2, 17, 4020);

    /// <summary>
    /// A <paramref name="width"/>×<paramref name="height"/> JPEG as stored by the sensor: its left half red, its right
    /// half blue; <paramref name="orientation"/> is the EXIF tag (6: to be turned a quarter clockwise to be seen).
    /// </summary>
    public static byte[] Jpeg(int width = 64, int height = 32, ushort orientation = 1, int quality = 90)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width - (width / 2f), height, blue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        var jpeg = data.ToArray();
        return WithMetadata(jpeg, orientation);
    }

    /// <summary>Inserts an EXIF APP1 (orientation, GPS) and an XMP APP1 right after the JPEG's SOI marker.</summary>
    public static byte[] WithMetadata(byte[] jpeg, ushort orientation)
    {
        var exif = Segment(0xE1, [.. "Exif\0\0"u8, .. Tiff(orientation)]);
        var xmp = Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"48,51.4933N\" exif:GPSLongitude=\"2,17.67E\"/>"
            + "</rdf:RDF></x:xmpmeta>")]);
        return [.. jpeg[..2], .. exif, .. xmp, .. jpeg[2..]];
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>A little-endian TIFF block: IFD0 (Make, Orientation, GPS pointer) and the GPS IFD (latitude, longitude).</summary>
    private static byte[] Tiff(ushort orientation)
    {
        var tiff = new byte[256];
        var w = tiff.AsSpan();
        "II"u8.CopyTo(w);
        BinaryPrimitives.WriteUInt16LittleEndian(w[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(w[4..], 8);

        // IFD0 at 8: three entries, then the next-IFD offset (0).
        var at = 8;
        BinaryPrimitives.WriteUInt16LittleEndian(w[at..], 3);
        at += 2;
        at = Entry(w, at, 0x010F, 2, 4, BinaryPrimitives.ReadUInt32LittleEndian("Pho\0"u8)); // Make, ASCII, inline
        at = Entry(w, at, 0x0112, 3, 1, orientation); // Orientation, SHORT
        at = Entry(w, at, 0x8825, 4, 1, 50); // GPS IFD pointer, LONG
        BinaryPrimitives.WriteUInt32LittleEndian(w[at..], 0);

        // GPS IFD at 50: four entries; rationals from 104.
        at = 50;
        BinaryPrimitives.WriteUInt16LittleEndian(w[at..], 4);
        at += 2;
        at = Entry(w, at, 0x0001, 2, 2, 'N');
        at = Entry(w, at, 0x0002, 5, 3, 104);
        at = Entry(w, at, 0x0003, 2, 2, 'E');
        at = Entry(w, at, 0x0004, 5, 3, 128);
        BinaryPrimitives.WriteUInt32LittleEndian(w[at..], 0);
        Rationals(w[104..], Latitude);
        Rationals(w[128..], Longitude);
        return tiff[..152];
    }

    private static int Entry(Span<byte> w, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(w[at..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(w[(at + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(w[(at + 4)..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(w[(at + 8)..], value);
        return at + 12;
    }

    private static void Rationals(Span<byte> w, (uint Degrees, uint Minutes, uint CentiSeconds) angle)
    {
        uint[] values = [angle.Degrees, 1, angle.Minutes, 1, angle.CentiSeconds, 100];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(w[(i * 4)..], values[i]);
        }
    }
}
