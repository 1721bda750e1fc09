using System.Text;

namespace Conversations.Silo.Media;

/// <summary>
/// The media type of a file by its first bytes (magic numbers), never by its name or declared type:
/// JPEG, PNG, GIF, WebP, PDF, ISO media (MP4, 3GP, M4A, QuickTime), MP3, AAC (ADTS), Ogg, AMR, Office
/// Open XML (docx, xlsx, pptx: a zip whose entries name word/, xl/ or ppt/), OLE2 Office (doc, xls, ppt),
/// executables and archives (so they can be named in a refusal), and plain text (valid UTF-8 without
/// control characters). Anything else is <c>application/octet-stream</c>.
/// </summary>
internal static class MediaSniffer
{
    /// <summary>How much of the file is looked at: enough for the first entries of a zip and an OLE directory.</summary>
    public const int HeadLength = 64 * 1024;

    public const string Unknown = "application/octet-stream";

    /// <summary>An OLE2 compound file whose directory was not in the head; the file name decides which Office type.</summary>
    public const string OleContainer = "application/x-ole-storage";

    /// <param name="head">The first bytes of the file (up to <see cref="HeadLength"/>).</param>
    /// <param name="complete">True when <paramref name="head"/> is the whole file.</param>
    public static string Detect(ReadOnlySpan<byte> head, bool complete)
    {
        if (StartsWith(head, 0xFF, 0xD8, 0xFF))
        {
            return "image/jpeg";
        }

        if (StartsWith(head, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
        {
            return "image/png";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            return head[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : head[8..12].SequenceEqual("WAVE"u8) ? "audio/wav" : "application/x-riff";
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return IsoMedia(head[8..12]);
        }

        if (head.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        if (head.StartsWith("#!AMR-WB\n"u8))
        {
            return "audio/amr-wb";
        }

        if (head.StartsWith("#!AMR\n"u8))
        {
            return "audio/amr";
        }

        if (head.StartsWith("ID3"u8))
        {
            return "audio/mpeg";
        }

        // An MPEG audio frame: 11 sync bits; layer bits 00 mean AAC in ADTS, anything else MP1/2/3.
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0)
        {
            return (head[1] & 0x06) == 0 ? "audio/aac" : "audio/mpeg";
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return OfficeOpenXml(head);
        }

        if (StartsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))
        {
            return OleOffice(head);
        }

        if (head.StartsWith("MZ"u8))
        {
            return "application/x-msdownload";
        }

        if (StartsWith(head, 0x7F, 0x45, 0x4C, 0x46))
        {
            return "application/x-executable";
        }

        if (StartsWith(head, 0xCA, 0xFE, 0xBA, 0xBE) || StartsWith(head, 0xCF, 0xFA, 0xED, 0xFE))
        {
            return "application/x-mach-binary";
        }

        if (StartsWith(head, 0x1F, 0x8B))
        {
            return "application/gzip";
        }

        if (head.StartsWith("Rar!"u8) || StartsWith(head, 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C))
        {
            return "application/x-compressed";
        }

        return IsText(head, complete) ? "text/plain" : Unknown;
    }

    /// <summary>
    /// The Office type of an OLE2 file named <paramref name="fileName"/> when its content could not say
    /// (<see cref="OleContainer"/>); any other detected type is returned as it is.
    /// </summary>
    public static string Resolve(string detected, string fileName) => detected != OleContainer
        ? detected
        : Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xls" => "application/vnd.ms-excel",
            ".ppt" => "application/vnd.ms-powerpoint",
            ".doc" => "application/msword",
            _ => OleContainer,
        };

    private static string IsoMedia(ReadOnlySpan<byte> brand)
    {
        var name = Encoding.ASCII.GetString(brand);
        return name switch
        {
            _ when name.StartsWith("3gp", StringComparison.Ordinal) || name.StartsWith("3gg", StringComparison.Ordinal)
                || name.StartsWith("3gs", StringComparison.Ordinal) || name.StartsWith("3ge", StringComparison.Ordinal) => "video/3gpp",
            _ when name.StartsWith("3g2", StringComparison.Ordinal) => "video/3gpp2",
            "M4A " or "M4B " or "M4P " => "audio/mp4",
            "qt  " => "video/quicktime",
            "heic" or "heix" or "mif1" or "msf1" => "image/heic",
            "avif" => "image/avif",
            _ => "video/mp4",
        };
    }

    /// <summary>OOXML packages start with <c>[Content_Types].xml</c>; their part names say which application.</summary>
    private static string OfficeOpenXml(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf("word/"u8) >= 0)
        {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }

        if (head.IndexOf("xl/"u8) >= 0)
        {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }

        if (head.IndexOf("ppt/"u8) >= 0)
        {
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        }

        return "application/zip";
    }

    /// <summary>The OLE2 directory names its streams in UTF-16: Workbook (Excel), PowerPoint Document, WordDocument.</summary>
    private static string OleOffice(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf(Utf16("Workbook")) >= 0 || head.IndexOf(Utf16("Book")) >= 0)
        {
            return "application/vnd.ms-excel";
        }

        if (head.IndexOf(Utf16("PowerPoint Document")) >= 0)
        {
            return "application/vnd.ms-powerpoint";
        }

        return head.IndexOf(Utf16("WordDocument")) >= 0 ? "application/msword" : OleContainer;
    }

    private static bool IsText(ReadOnlySpan<byte> head, bool complete)
    {
        if (head.IsEmpty)
        {
            return false;
        }

        // A multi-byte character may be cut at the end of the head: drop up to three trailing bytes of it.
        var body = head;
        if (!complete)
        {
            var cut = 0;
            while (cut < 3 && cut < body.Length && (body[^(cut + 1)] & 0xC0) == 0x80)
            {
                cut++;
            }

            if (cut < body.Length && body[^(cut + 1)] >= 0xC0)
            {
                cut++;
            }

            body = body[..^cut];
        }

        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return false;
        }

        foreach (var b in body)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWith(ReadOnlySpan<byte> head, params ReadOnlySpan<byte> magic) => head.StartsWith(magic);

    private static byte[] Utf16(string name) => Encoding.Unicode.GetBytes(name);
}
