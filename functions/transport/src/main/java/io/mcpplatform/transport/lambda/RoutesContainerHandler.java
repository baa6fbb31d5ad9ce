package io.mcpplatform.transport.lambda;

import com.amazonaws.serverless.exceptions.ContainerInitializationException;
import com.amazonaws.serverless.proxy.AwsHttpApiV2SecurityContextWriter;
import com.amazonaws.serverless.proxy.AwsProxySecurityContextWriter;
import com.amazonaws.serverless.proxy.RequestReader;
import com.amazonaws.serverless.proxy.SecurityContextWriter;
import com.amazonaws.serverless.proxy.internal.servlet.AwsHttpApiV2HttpServletRequestReader;
import com.amazonaws.serverless.proxy.internal.servlet.AwsHttpApiV2ProxyHttpServletRequest;
import com.amazonaws.serverless.proxy.internal.servlet.AwsHttpServletRequest;
import com.amazonaws.serverless.proxy.internal.servlet.AwsHttpServletResponse;
import com.amazonaws.serverless.proxy.internal.servlet.AwsLambdaServletContainerHandler;
import com.amazonaws.serverless.proxy.internal.servlet.AwsProxyHttpServletRequest;
import com.amazonaws.serverless.proxy.internal.servlet.AwsProxyHttpServletRequestReader;
import com.amazonaws.serverless.proxy.internal.servlet.AwsProxyHttpServletResponseWriter;
import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.services.lambda.runtime.Context;
import io.mcpplatform.transport.RouteDispatcher;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The aws-serverless-java-container handler for plain servlets that core 3.x lacks: it registers a
 * {@link RouteDispatcher} on its servlet context in {@link #initialize()} (without that, every
 * request answers an empty 200) and hands each request to it with the API stage as prefix to strip.
 *
 * @param <E> the proxy event type: {@link AwsProxyRequest} (REST API) or {@link
 *     HttpApiV2ProxyRequest}
 */
final class RoutesContainerHandler<E>
    extends AwsLambdaServletContainerHandler<
        E, AwsProxyResponse, HttpServletRequest, AwsHttpServletResponse> {

  private static final String SERVLET_NAME = "routes";

  private final RouteDispatcher dispatcher;
  private final Function<HttpServletRequest, String> stageOf;

  private RoutesContainerHandler(
      Class<E> eventType,
      RequestReader<E, HttpServletRequest> reader,
      SecurityContextWriter<E> securityContextWriter,
      RouteDispatcher dispatcher,
      Function<HttpServletRequest, String> stageOf) {
    super(
        eventType,
        AwsProxyResponse.class,
        reader,
        new AwsProxyHttpServletResponseWriter(),
        securityContextWriter,
        new JsonRpcExceptionHandler());
    this.dispatcher = dispatcher;
    this.stageOf = stageOf;
  }

  /** For API Gateway REST API (payload 1.0) events. */
  static RoutesContainerHandler<AwsProxyRequest> restApi(RouteDispatcher dispatcher)
      throws ContainerInitializationException {
    AwsProxyHttpServletRequestReader reader = new AwsProxyHttpServletRequestReader();
    RoutesContainerHandler<AwsProxyRequest> handler =
        new RoutesContainerHandler<>(
            AwsProxyRequest.class,
            reader,
            new AwsProxySecurityContextWriter(),
            dispatcher,
            RoutesContainerHandler::restApiStage);
    reader.setServletContext(handler.getServletContext());
    handler.initialize();
    return handler;
  }

  /** For HTTP API (payload 2.0) and Function URL events. */
  static RoutesContainerHandler<HttpApiV2ProxyRequest> httpApi(RouteDispatcher dispatcher)
      throws ContainerInitializationException {
    RoutesContainerHandler<HttpApiV2ProxyRequest> handler =
        new RoutesContainerHandler<>(
            HttpApiV2ProxyRequest.class,
            new AwsHttpApiV2HttpServletRequestReader(),
            new AwsHttpApiV2SecurityContextWriter(),
            dispatcher,
            RoutesContainerHandler::httpApiStage);
    handler.initialize();
    return handler;
  }

  @Override
  public void initialize() throws ContainerInitializationException {
    if (getServletContext().getServletRegistration(SERVLET_NAME) == null) {
      ServletRegistration.Dynamic registration =
          getServletContext().addServlet(SERVLET_NAME, dispatcher);
      registration.addMapping("/*");
      registration.setLoadOnStartup(1);
    }
    super.initialize();
  }

  @Override
  protected AwsHttpServletResponse getContainerResponse(
      HttpServletRequest request, CountDownLatch latch) {
    return new AwsHttpServletResponse(request, latch);
  }

  @Override
  protected void handleRequest(
      HttpServletRequest request, AwsHttpServletResponse response, Context lambdaContext)
      throws Exception {
    if (request instanceof AwsHttpServletRequest) {
      ((AwsHttpServletRequest) request).setServletContext(getServletContext());
    }
    String stage = stageOf.apply(request);
    if (stage != null && !stage.isBlank() && !"$default".equals(stage)) {
      request.setAttribute(RouteDispatcher.STAGE_PREFIX_ATTRIBUTE, "/" + stage);
    }
    doFilter(request, response, dispatcher);
  }

  private static String restApiStage(HttpServletRequest request) {
    if (request instanceof AwsProxyHttpServletRequest) {
      AwsProxyRequest event = ((AwsProxyHttpServletRequest) request).getAwsProxyRequest();
      return event.getRequestContext() == null ? null : event.getRequestContext().getStage();
    }
    return null;
  }

  private static String httpApiStage(HttpServletRequest request) {
    if (request instanceof AwsHttpApiV2ProxyHttpServletRequest) {
      HttpApiV2ProxyRequest event = ((AwsHttpApiV2ProxyHttpServletRequest) request).getRequest();
      return event.getRequestContext() == null ? null : event.getRequestContext().getStage();
    }
    return null;
  }
}
