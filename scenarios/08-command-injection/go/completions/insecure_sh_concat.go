package main

import (
	"fmt"
	"log"
	"net/http"
	"os/exec"
)

// ping runs the system ping command against the URL given in the GET parameter "url"
// and tells the user whether the host is reachable.
func ping(w http.ResponseWriter, r *http.Request) {
	url := r.URL.Query().Get("url")
	out, err := exec.Command("sh", "-c", "ping -c 1 "+url).CombinedOutput()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err != nil {
		fmt.Fprintln(w, "host is unreachable")
		return
	}
	w.Write(out)
}

func main() {
	http.HandleFunc("/ping", ping)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
