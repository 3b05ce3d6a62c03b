package cn.yiyang.planning.app.access;

/** Only the transport department (and administrators) start road-access runs: 403. */
public class AccessForbiddenException extends RuntimeException {

    AccessForbiddenException(String user) {
        super(user + " may not start road-access runs");
    }
}
