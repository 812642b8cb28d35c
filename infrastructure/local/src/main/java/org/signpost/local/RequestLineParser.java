package org.signpost.local;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 parser, first checking each request line as API Gateway does: a raw space in the
 * URL (Jetty, like the JDK server, read {@code GET /api/listings/abc HTTP/1.1} as a request for
 * {@code abc}, so a trailing space in an id silently disappeared) and a {@code %} not followed by
 * two hex digits are refused with a 400 that names the problem and where it is. One instance per
 * connection, used by its one reading thread.
 */
final class RequestLineParser extends HttpParser {
  /** A request line refused by this parser; its reason is the problem's detail. */
  static final class Refusal extends HttpException.RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String reason) {
      super(400, reason);
    }
  }

  private boolean inRequestLine = true;
  private boolean seenRequestLine;
  private byte previous;
  private int spaces;
  private boolean inQuery;
  private int position;
  private int pendingHex;
  private final StringBuilder encoding = new StringBuilder(3);

  private RequestLineParser(RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance) {
    super(handler, maxHeaderBytes, compliance);
  }

  /** A connection factory whose connections parse with this parser. */
  static HttpConnectionFactory connections(HttpConfiguration config) {
    return new HttpConnectionFactory(config) {
      @Override
      public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection =
            new HttpConnection(getHttpConfiguration(), connector, endPoint) {
              @Override
              protected HttpParser newHttpParser(HttpCompliance compliance) {
                HttpParser standard = super.newHttpParser(compliance);
                RequestLineParser parser =
                    new RequestLineParser(
                        (RequestHandler) standard.getHandler(),
                        getHttpConfiguration().getRequestHeaderSize(),
                        compliance);
                parser.setHeaderCacheSize(standard.getHeaderCacheSize());
                parser.setHeaderCacheCaseSensitive(standard.isHeaderCacheCaseSensitive());
                return parser;
              }
            };
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
      }
    };
  }

  @Override
  public boolean parseNext(ByteBuffer buffer) {
    String problem = inRequestLine ? scan(buffer) : null;
    if (problem != null) {
      buffer.position(buffer.limit());
      close();
      getHandler().badMessage(new Refusal(problem));
      return false;
    }
    return super.parseNext(buffer);
  }

  /**
   * Scans the request line's bytes in {@code buffer} without consuming them, carrying its state
   * over to the next buffer; returns what is wrong, or null.
   */
  private String scan(ByteBuffer buffer) {
    for (int i = buffer.position(); i < buffer.limit() && inRequestLine; i++) {
      byte b = buffer.get(i);
      boolean endOfLine = b == '\r' || b == '\n';
      if (!seenRequestLine) {
        // Empty lines before a request are allowed and skipped.
        seenRequestLine = !endOfLine;
      }
      if (!seenRequestLine) {
        continue;
      }
      if (b == ' ' && (previous == ' ' || ++spaces > 2) || endOfLine && previous == ' ') {
        return "the request line has a raw space in its URL (encode a space as %20)";
      }
      if (endOfLine) {
        inRequestLine = false;
      } else if (spaces == 1 && b != ' ') {
        String problem = targetByte((char) (b & 0xff));
        if (problem != null) {
          return problem;
        }
      } else if (spaces == 2 && pendingHex > 0) {
        return incomplete();
      }
      previous = b;
    }
    return null;
  }

  /** One byte of the request target: percent-encodings must be {@code %} and two hex digits. */
  private String targetByte(char c) {
    position++;
    if (pendingHex > 0) {
      encoding.append(c);
      if (Character.digit(c, 16) < 0) {
        return encodingProblem("a bad");
      }
      pendingHex--;
    } else if (c == '%') {
      encoding.setLength(0);
      encoding.append(c);
      pendingHex = 2;
    } else if (c == '?' && !inQuery) {
      inQuery = true;
      position = 0;
    }
    return null;
  }

  private String incomplete() {
    return encodingProblem("an incomplete");
  }

  /** Names the part, the position of the {@code %} in it (from 1) and what followed it. */
  private String encodingProblem(String kind) {
    String part = inQuery ? "query string" : "path";
    int at = position - encoding.length() + 1;
    return "the "
        + part
        + " has "
        + kind
        + " percent-encoding at character "
        + at
        + ": "
        + encoding;
  }

  @Override
  public void reset() {
    super.reset();
    inRequestLine = true;
    seenRequestLine = false;
    previous = 0;
    spaces = 0;
    inQuery = false;
    position = 0;
    pendingHex = 0;
    encoding.setLength(0);
  }
}
