/// The `Content-Type` an uploaded file gets, from the text after its last dot; S3's own default
/// (`binary/octet-stream`) otherwise, as the original did.
public enum ContentTypes {
    public static let fallback = "binary/octet-stream"

    static let byExtension: [String: String] = [
        "yaml": "application/yaml", "yml": "application/yaml", "json": "application/json",
        "jsonld": "application/ld+json", "xml": "application/xml", "txt": "text/plain", "md": "text/markdown",
        "csv": "text/csv", "css": "text/css", "htm": "text/html", "html": "text/html", "xhtml": "application/xhtml+xml",
        "js": "text/javascript", "mjs": "text/javascript", "sh": "application/x-sh", "csh": "application/x-csh",
        "php": "application/x-httpd-php", "ics": "text/calendar", "rtf": "application/rtf", "pdf": "application/pdf",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "bmp": "image/bmp",
        "svg": "image/svg+xml", "webp": "image/webp", "avif": "image/avif", "ico": "image/vnd.microsoft.icon",
        "tif": "image/tiff", "tiff": "image/tiff", "zip": "application/zip", "gz": "application/gzip",
        "tar": "application/x-tar", "bz": "application/x-bzip", "bz2": "application/x-bzip2",
        "7z": "application/x-7z-compressed", "rar": "application/vnd.rar", "jar": "application/java-archive",
        "bin": "application/octet-stream", "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "eot": "application/vnd.ms-fontobject", "mp3": "audio/mpeg", "wav": "audio/wav", "aac": "audio/aac",
        "mp4": "video/mp4", "mpeg": "video/mpeg", "webm": "video/webm", "avi": "video/x-msvideo",
        "doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ]

    public static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return fallback }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? fallback
    }
}
