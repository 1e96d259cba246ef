package dev.flagon.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A grouped bar chart on a log scale, drawn headless with java.awt: per operation and session, Flagon's
 * speed as a multiple of itsdangerous, of jjwt and of the floor (HMAC for loads, zlib + HMAC for dumps).
 */
final class Chart {
  record Group(String label, double[] values) {}

  private static final String[] SERIES = {"× itsdangerous (Flask)", "× jjwt HS256", "× the format's floor (1.0 = as fast as it)"};
  private static final Color[] COLORS = {new Color(0x2b6cb0), new Color(0xdd6b20), new Color(0x718096)};
  private static final double MIN = 0.1;
  private static final double MAX = 1000;

  private Chart() {}

  static void write(List<Group> groups, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    int width = 1000;
    int height = 520;
    int left = 70;
    int right = 20;
    int top = 60;
    int bottom = 90;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString("Flagon's speed as a multiple of the alternatives (log scale; one JMH run)", left, 28);

    int plotH = height - top - bottom;
    int plotW = width - left - right;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (double v = MIN; v <= MAX * 1.001; v *= 10) {
      int y = y(v, top, plotH);
      g.setColor(v == 1 ? Color.BLACK : new Color(0xdddddd));
      g.setStroke(new BasicStroke(v == 1 ? 1.5f : 1f));
      g.drawLine(left, y, left + plotW, y);
      g.setColor(Color.DARK_GRAY);
      String label = v < 1 ? String.format(Locale.ROOT, "%.1f×", v) : String.format(Locale.ROOT, "%.0f×", v);
      g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    int groupW = plotW / groups.size();
    int barW = (groupW - 24) / SERIES.length;
    FontMetrics fm = g.getFontMetrics();
    for (int i = 0; i < groups.size(); i++) {
      Group group = groups.get(i);
      int x0 = left + i * groupW + 12;
      for (int s = 0; s < SERIES.length; s++) {
        double v = group.values[s];
        if (Double.isNaN(v) || v <= 0) {
          continue;
        }
        double clamped = Math.max(MIN, Math.min(MAX, v));
        int yv = y(clamped, top, plotH);
        int y1 = y(1, top, plotH);
        g.setColor(COLORS[s]);
        int x = x0 + s * barW;
        g.fillRect(x, Math.min(yv, y1), barW - 3, Math.abs(y1 - yv));
        g.setColor(Color.BLACK);
        String text = v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
        int tx = x + (barW - 3 - fm.stringWidth(text)) / 2;
        g.drawString(text, tx, v >= 1 ? yv - 4 : yv + 14);
      }
      String[] lines = group.label.split("\n");
      for (int l = 0; l < lines.length; l++) {
        g.drawString(lines[l], x0 + (groupW - 24 - fm.stringWidth(lines[l])) / 2, top + plotH + 18 + 15 * l);
      }
    }
    int lx = left;
    for (int s = 0; s < SERIES.length; s++) {
      g.setColor(COLORS[s]);
      g.fillRect(lx, height - 30, 14, 14);
      g.setColor(Color.BLACK);
      g.drawString(SERIES[s], lx + 20, height - 18);
      lx += 40 + fm.stringWidth(SERIES[s]);
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static int y(double v, int top, int plotH) {
    double f = (Math.log10(v) - Math.log10(MIN)) / (Math.log10(MAX) - Math.log10(MIN));
    return top + (int) Math.round(plotH * (1 - f));
  }
}
